#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""run_corpus.py - run verifier-corpus programs on realistic frames with `vxdp prog run`, in the
interpreter and in the JIT, as TAP: both engines must give the same return values, output
frames and maps (bpf_ktime_get_ns timestamps aside), and each program must do what it is for
(an ND solicitation becomes an advertisement with a valid ICMPv6 checksum, NAT keeps the IPv4
and TCP checksums valid, GENEVE decapsulation leaves the inner frame, a VLAN tag is pushed, SYNs
past the limit drop, ...).

Usage: run_corpus.py CORPUS_OBJ_DIR   (needs $VXDP, set by meson)
A program the verifier refuses runs in the interpreter only (the JIT needs a verified program):
that half is a SKIP naming the refusal, so a fixed precision gap shows up as a pass.
"""
import ipaddress
import json
import os
import struct
import subprocess
import sys
import tempfile

VXDP = os.environ["VXDP"]
OBJ_DIR = sys.argv[1]
n = 0
failed = 0


def ok(cond, what, diag=""):
    global n, failed
    n += 1
    print("%s %d - %s" % ("ok" if cond else "not ok", n, what))
    if not cond:
        failed += 1
        for line in str(diag).splitlines():
            print("# " + line)
    return cond


def skip(what, why):
    global n
    n += 1
    print("ok %d - %s # SKIP %s" % (n, what, why))


# ---- frames ----

def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff


def mac(s):
    return bytes.fromhex(s.replace(":", ""))


def ip4(s):
    return ipaddress.IPv4Address(s).packed


def ip6(s):
    return ipaddress.IPv6Address(s).packed


def eth(dst, src, etype):
    return mac(dst) + mac(src) + struct.pack("!H", etype)


def ipv4(src, dst, proto, payload):
    h = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), 1, 0, 64, proto, 0,
                    ip4(src), ip4(dst))
    return h[:10] + struct.pack("!H", csum(h)) + h[12:] + payload


def l4csum(src, dst, proto, seg):
    return csum(ip4(src) + ip4(dst) + struct.pack("!BBH", 0, proto, len(seg)) + seg)


def udp(src, dst, sport, dport, payload):
    seg = struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload
    return seg[:6] + struct.pack("!H", l4csum(src, dst, 17, seg)) + seg[8:]


def tcp(src, dst, sport, dport, flags):
    seg = struct.pack("!HHIIBBHHH", sport, dport, 1, 0, 5 << 4, flags, 65535, 0, 0)
    return seg[:16] + struct.pack("!H", l4csum(src, dst, 6, seg)) + seg[18:]


MAC_A, MAC_B = "02:00:00:00:00:01", "02:00:00:00:00:02"
SRC, DST = "192.0.2.1", "10.0.0.2"


def v4udp(sport, dport, payload, dst=DST):
    return eth(MAC_A, MAC_B, 0x0800) + ipv4(SRC, dst, 17, udp(SRC, dst, sport, dport, payload))


def v4tcp(sport, dport, flags, dst=DST):
    return eth(MAC_A, MAC_B, 0x0800) + ipv4(SRC, dst, 6, tcp(SRC, dst, sport, dport, flags))


def nd_solicit(target):
    src, dst = ip6("2001:db8::1"), ip6("ff02::1:ff00:10")
    ns = struct.pack("!BBHI", 135, 0, 0, 0) + ip6(target) + bytes([1, 1]) + mac(MAC_B)
    pseudo = src + dst + struct.pack("!I", len(ns)) + b"\0\0\0\x3a"
    ns = ns[:2] + struct.pack("!H", csum(pseudo + ns)) + ns[4:]
    hdr = struct.pack("!IHBB", 0x60000000, len(ns), 58, 255) + src + dst
    return eth("33:33:ff:00:00:10", MAC_B, 0x86dd) + hdr + ns


def dns_query(name, qtype):
    q = b"".join(bytes([len(label)]) + label.encode() for label in name.split(".")) + b"\0"
    return struct.pack("!HBBHHHH", 0x1234, 1, 0, 1, 0, 0, 0) + q + struct.pack("!HH", qtype, 1)


# ---- running ----

def run(obj, engine, frames, maps, repeat=1):
    """The --json result, or (None, stderr) when the run is refused."""
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [VXDP, "prog", "run", os.path.join(OBJ_DIR, obj + ".o"), "--engine", engine,
               "--json", "--repeat", str(repeat)]
        for m in maps:
            cmd += ["--map", m]
        for i, f in enumerate(frames):
            path = os.path.join(tmp, "%d.bin" % i)
            with open(path, "wb") as fh:
                fh.write(f)
            cmd += ["--data-in", path]
        r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode:
        return None, r.stderr.strip()
    j = json.loads(r.stdout)
    for rr in j["runs"]:
        rr.pop("duration_ns", None)
    return j, ""


def both(name, frames, maps, repeat=1, mask=None):
    """Run in both engines; check they agree; return the interpreter's result."""
    ji, err = run(name, "interp", frames, maps, repeat)
    if not ok(ji is not None, "%s: runs in the interpreter" % name, err):
        return None
    jj, err = run(name, "jit", frames, maps, repeat)
    if jj is None:
        skip("%s: the JIT agrees with the interpreter" % name, "the JIT refuses it: " + err)
        return ji
    a, b = json.loads(json.dumps(ji)), json.loads(json.dumps(jj))
    if mask:
        mask(a)
        mask(b)
    ok(a == b, "%s: the JIT agrees with the interpreter (%d frames)" % (name, len(frames)),
       "interp %s\njit    %s" % (json.dumps(a)[:600], json.dumps(b)[:600]))
    return ji


def retvals(j):
    return [r["retval"] for r in j["runs"]]


def out(j, i=0):
    return bytes.fromhex(j["runs"][i]["data_out"])


def percpu(j, m, key):
    for e in j["maps"][m]:
        if e["key"] == key:
            return struct.unpack("<Q", bytes.fromhex(e["values"][0])[:8])[0]
    return None


def main():
    # syn_limit: 300 SYNs from one source, limit 200 a second: 200 pass, 100 drop, one block
    def no_time(j):
        for e in j["maps"]["windows"]:
            e["value"] = "(time)" + e["value"][16:]
        for e in j["maps"]["blocked"]:
            e["value"] = "(time)"
    j = both("syn_limit", [v4tcp(40000, 80, 0x02)], [], repeat=300, mask=no_time)
    if j:
        got = [percpu(j, "counters", "%02x000000" % k) for k in range(4)]
        ok(retvals(j) == [1] and got == [300, 200, 100, 1] and len(j["maps"]["blocked"]) == 1,
           "syn_limit: 300 SYNs: 200 pass, 100 drop, the source blocked", got)

    # nd_responder: a solicitation for a proxied address becomes an advertisement
    target = ip6("2001:db8::10")
    j = both("nd_responder", [nd_solicit("2001:db8::10"), nd_solicit("2001:db8::11")],
             ["proxied:%s=020000000099" % target.hex()])
    if j:
        na = out(j)
        hdr, icmp = na[14:54], na[54:]
        pseudo = hdr[8:40] + struct.pack("!I", len(icmp)) + b"\0\0\0\x3a"
        ok(retvals(j) == [3, 2] and icmp[0] == 136 and csum(pseudo + icmp) == 0 and
           hdr[8:24] == target and icmp[24:26] == b"\x02\x01" and
           icmp[26:32] == mac("02:00:00:00:00:99") and na[6:12] == mac("02:00:00:00:00:99"),
           "nd_responder: NA from the target with its MAC and a valid checksum (TX); "
           "others pass", na.hex())

    # geneve_decap: VNI 0x123456 is local; one 8-byte option of the known class
    inner = v4udp(1, 2, b"inner payload")
    opt = struct.pack("!HBB", 0x0103, 1, 1) + b"\xaa\xbb\xcc\xdd"
    gh = struct.pack("!BBH", len(opt) // 4, 0, 0x6558) + bytes([0x12, 0x34, 0x56, 0])
    crit = struct.pack("!HBB", 0x0200, 0x81, 0)
    gh2 = struct.pack("!BBH", 1, 0, 0x6558) + bytes([0x12, 0x34, 0x56, 0])
    j = both("geneve_decap", [v4udp(50000, 6081, gh + opt + inner),
                              v4udp(50000, 6081, gh2 + crit + inner)],
             ["segments:56341200=" + "00" * 24])
    if j:
        ok(retvals(j) == [2, 1] and out(j) == inner,
           "geneve_decap: the inner frame passes; an unknown critical option drops",
           out(j).hex())

    # dns_filter: www.Example.com is blocked (case folded), example.org passes
    key = b"www.example.com".ljust(64, b"\0")
    j = both("dns_filter", [v4udp(5353, 53, dns_query("www.Example.com", 1)),
                            v4udp(5353, 53, dns_query("example.org", 28))],
             ["blocked_names:%s=%s" % (key.hex(), "00" * 8)])
    if j:
        ok(retvals(j) == [1, 2] and percpu(j, "qstats", "03000000") == 1 and
           percpu(j, "qstats", "01000000") == 1,
           "dns_filter: a blocked name drops, an AAAA query passes and is counted",
           json.dumps(j["maps"]))

    # port_filter: TCP and UDP on, TCP destination port 80 filtered
    j = both("port_filter", [v4tcp(40000, 80, 0x02), v4udp(40000, 53, b"x" * 20)],
             ["filter_config:00000000=03000000", "filter_ports:50000000=06000000"])
    if j:
        ok(retvals(j) == [1, 2] and percpu(j, "xdp_stats_map", "01000000") == 1,
           "port_filter: TCP to port 80 drops, UDP to 53 passes, per-verdict counts")

    # size_hist: 52 and 1442 bytes: log2 buckets 5 and 10, linear 0 and 22
    j = both("size_hist", [v4udp(1, 2, b"a" * 10), v4udp(1, 2, b"b" * 1400)], [])
    if j:
        h = struct.unpack("<16Q25QQQ", bytes.fromhex(j["maps"]["sizes"][0]["values"][0]))
        ok(h[5] == 1 and h[10] == 1 and h[16] == 1 and h[16 + 22] == 1 and h[41] == 1442 and
           h[42] == 2, "size_hist: log2 buckets 5 and 10, linear 0 and 22, max 1442", h)

    # nat44: TCP to 203.0.113.1:80 goes to 10.0.0.5:8080 with valid checksums
    nkey = ip4("203.0.113.1") + struct.pack("!H", 80) + bytes([6, 0])
    nval = ip4("10.0.0.5") + struct.pack("!H", 8080) + b"\0" * 10
    j = both("nat44", [v4tcp(40000, 80, 0x02, dst="203.0.113.1"),
                       v4udp(40000, 80, b"q" * 8, dst="203.0.113.1")],
             ["dnat:%s=%s" % (nkey.hex(), nval.hex())])
    if j:
        f = out(j)
        ip, seg = f[14:34], f[34:]
        pseudo = ip[12:20] + struct.pack("!BBH", 0, 6, len(seg))
        ok(retvals(j) == [3, 2] and ip[16:20] == ip4("10.0.0.5") and seg[2:4] ==
           struct.pack("!H", 8080) and csum(ip) == 0 and csum(pseudo + seg) == 0,
           "nat44: rewritten with valid IPv4 and TCP checksums (TX); UDP has no rule",
           f.hex())

    # global_funcs: UDP port 53 is closed
    j = both("global_funcs", [v4udp(1000, 53, b"z" * 30), v4tcp(1000, 22, 0x10)],
             ["closed_ports:3500=01"])
    if j:
        ok(retvals(j) == [1, 2], "global_funcs: a closed port drops, another passes")

    # vlan_pushpop: the source MAC's access VLAN 100 is pushed
    frame = v4udp(1, 2, b"v" * 30)
    j = both("vlan_pushpop", [frame], ["access_vlan:%s=6400" % mac(MAC_B).hex()])
    if j:
        ok(retvals(j) == [2] and out(j) == frame[:12] + b"\x81\x00\x00\x64" + frame[12:],
           "vlan_pushpop: an 802.1Q tag with VLAN 100 is pushed", out(j).hex())

    # acl_loop: rule 0 drops UDP to 10.0.0.0/8; TCP falls through the 16 rules
    rule = (ip4("0.0.0.0") * 2 + ip4("10.0.0.0") + ip4("255.0.0.0") +
            struct.pack("<HHBBH", 0, 65535, 17, 1, 0) + b"\0" * 8)
    j = both("acl_loop", [v4udp(1, 53, b"a" * 10), v4tcp(1, 80, 0x02)],
             ["acl:00000000=" + rule.hex()])
    if j:
        hits = [e for e in j["maps"]["acl"] if e["key"] == "00000000"]
        ok(retvals(j) == [1, 2] and hits and hits[0]["value"].endswith("0100000000000000"),
           "acl_loop: the first rule drops UDP and counts a hit; TCP passes")

    print("1..%d" % n)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
