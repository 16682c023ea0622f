#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""gen_packets.py - write the kernel differential test's packet corpus into a directory.

Usage: gen_packets.py OUT_DIR

One file per frame (raw bytes, from the Ethernet header), named NN_description.bin so that
name order is a stable run order. Deterministic: no randomness, no time. Covers well-formed
IPv4/IPv6 TCP/UDP/ICMP/ICMPv6, ARP, VLAN and QinQ, IPv4 options, IPv6 extension headers,
fragments, Ethernet padding, runts, truncated headers, wrong lengths, and frames up to 3000
bytes. Addresses and ports match the tests/xdp/*.maps files so that the firewall, router and
L2 programs take both their allow and their deny paths.
"""
import os
import struct
import sys

MAC_ROUTER = bytes.fromhex("020000000001")
MAC_HOST = bytes.fromhex("020000000002")
MAC_PUSH = bytes.fromhex("020000000042")  # xdp_l2 pushes a VLAN tag towards this MAC
MAC_BCAST = b"\xff" * 6

ETH_IP, ETH_ARP, ETH_IPV6 = 0x0800, 0x0806, 0x86DD
ETH_8021Q, ETH_8021AD = 0x8100, 0x88A8


def ip4(s):
    return bytes(int(x) for x in s.split("."))


def ip6(s):
    """Expand an IPv6 address written with one '::' or none."""
    if "::" in s:
        head, tail = s.split("::")
        h = [x for x in head.split(":") if x]
        t = [x for x in tail.split(":") if x]
        groups = h + ["0"] * (8 - len(h) - len(t)) + t
    else:
        groups = s.split(":")
    return b"".join(struct.pack("!H", int(g, 16)) for g in groups)


def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def eth(payload, proto, dst=MAC_ROUTER, src=MAC_HOST, vlans=()):
    """Ethernet header; vlans is a list of (tpid, vid), outermost first (priority 3)."""
    hdr = dst + src
    for tpid, vid in vlans:
        hdr += struct.pack("!HH", tpid, (3 << 13) | (vid & 0x0FFF))
    return hdr + struct.pack("!H", proto) + payload


def ipv4(payload, proto, src="10.0.0.1", dst="10.0.0.2", ttl=64, options=b"",
         frag=0x4000, ident=0x1234, tot_len=None, ihl=None, version=4, tos=0):
    opt = options + b"\0" * (-len(options) % 4)
    hl = ihl if ihl is not None else 5 + len(opt) // 4
    total = tot_len if tot_len is not None else 20 + len(opt) + len(payload)
    hdr = struct.pack("!BBHHHBBH4s4s", (version << 4) | (hl & 15), tos, total & 0xFFFF,
                      ident, frag, ttl, proto, 0, ip4(src), ip4(dst)) + opt
    hdr = hdr[:10] + struct.pack("!H", csum(hdr)) + hdr[12:]
    return hdr + payload


def pseudo4(src, dst, proto, length):
    return ip4(src) + ip4(dst) + struct.pack("!BBH", 0, proto, length)


def pseudo6(src, dst, proto, length):
    return ip6(src) + ip6(dst) + struct.pack("!IxxxB", length, proto)


def tcp(sport, dport, flags=0x02, payload=b"", seq=1000, pseudo=None):
    hdr = struct.pack("!HHIIBBHHH", sport, dport, seq, 0, 5 << 4, flags, 65535, 0, 0)
    seg = hdr + payload
    if pseudo:
        c = csum(pseudo(len(seg)) + seg)
        seg = seg[:16] + struct.pack("!H", c) + seg[18:]
    return seg


def udp(sport, dport, payload=b"", pseudo=None):
    seg = struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload
    if pseudo:
        c = csum(pseudo(len(seg)) + seg) or 0xFFFF
        seg = seg[:6] + struct.pack("!H", c) + seg[8:]
    return seg


def icmp4(typ, code=0, rest=b"\x00\x01\x00\x01", payload=b""):
    msg = struct.pack("!BBH", typ, code, 0) + rest + payload
    return msg[:2] + struct.pack("!H", csum(msg)) + msg[4:]


def icmp6(typ, code, body, src, dst):
    msg = struct.pack("!BBH", typ, code, 0) + body
    c = csum(pseudo6(src, dst, 58, len(msg)) + msg)
    return msg[:2] + struct.pack("!H", c) + msg[4:]


def ipv6(payload, nh, src="2001:db8::1", dst="2001:db8::2", hlim=64, plen=None):
    ln = plen if plen is not None else len(payload)
    return struct.pack("!IHBB16s16s", 6 << 28, ln, nh, hlim, ip6(src), ip6(dst)) + payload


def v4_tcp(sport, dport, src="10.0.0.1", dst="10.0.0.2", data=b"", flags=0x02, **kw):
    """A whole Ethernet frame with IPv4 and TCP."""
    seg = tcp(sport, dport, flags, data, pseudo=lambda n: pseudo4(src, dst, 6, n))
    return eth(ipv4(seg, 6, src, dst, **kw), ETH_IP)


def v4_udp(sport, dport, src="10.0.0.1", dst="10.0.0.2", data=b"", **kw):
    """An IPv4 packet with UDP (callers add the Ethernet header, VLAN tags or padding)."""
    seg = udp(sport, dport, data, pseudo=lambda n: pseudo4(src, dst, 17, n))
    return ipv4(seg, 17, src, dst, **kw)


def v6_udp(sport, dport, src="2001:db8::1", dst="2001:db8::2", data=b""):
    """A UDP segment, checksummed for IPv6."""
    return udp(sport, dport, data, pseudo=lambda n: pseudo6(src, dst, 17, n))


def v6_tcp(sport, dport, src="2001:db8::1", dst="2001:db8::2", data=b""):
    """A TCP SYN segment, checksummed for IPv6."""
    return tcp(sport, dport, 0x02, data, pseudo=lambda n: pseudo6(src, dst, 6, n))


def ext(nh, body):
    """Generic extension header (hop-by-hop, destination options): body pads to 8 bytes."""
    assert (2 + len(body)) % 8 == 0
    return bytes([nh, (2 + len(body)) // 8 - 1]) + body


def hbh(nh):
    return ext(nh, b"\x05\x02\x00\x00" + b"\x01\x00")  # router alert + PadN(0)


def dstopts(nh):
    return ext(nh, b"\x01\x04\x00\x00\x00\x00")  # PadN(4)


def routing(nh, rtype, addrs):
    body = bytes([rtype, len(addrs)]) + b"\0\0\0\0" + b"".join(ip6(a) for a in addrs)
    return bytes([nh, 2 * len(addrs)]) + body


def frag6(nh, offset, more, ident=0xABCD):
    return struct.pack("!BBHI", nh, 0, (offset << 3) | (1 if more else 0), ident)


def arp(op, sha, spa, tha, tpa):
    return struct.pack("!HHBBH6s4s6s4s", 1, ETH_IP, 6, 4, op, sha, ip4(spa), tha, ip4(tpa))


def payload(n, seed):
    return bytes((seed + i * 7) & 0xFF for i in range(n))


def frames():
    f = []
    add = lambda name, data: f.append((name, data))
    s6, d6 = "2001:db8::1", "2001:db8::2"

    # --- IPv4, well-formed -------------------------------------------------------------
    add("ipv4_tcp_syn_80", v4_tcp(40000, 80))
    add("ipv4_tcp_22_denied_port", v4_tcp(40002, 22))
    add("ipv4_tcp_80_denied_src", v4_tcp(40003, 80, src="192.168.66.7"))
    add("ipv4_tcp_80_denied_16", v4_tcp(40004, 80, src="10.9.1.1"))
    add("ipv4_tcp_22_allowlisted_24", v4_tcp(40005, 22, src="10.9.9.9"))
    add("ipv4_udp_53", eth(v4_udp(5353, 53, data=payload(30, 2)), ETH_IP))
    add("ipv4_udp_9999_denied", eth(v4_udp(5354, 9999, data=payload(12, 3)), ETH_IP))
    add("ipv4_udp_53_denied_12", eth(v4_udp(5355, 53, src="172.20.1.1"), ETH_IP))
    add("ipv4_udp_4789_encap", eth(v4_udp(4242, 4789, data=payload(50, 4)), ETH_IP))
    add("ipv4_icmp_echo_router", eth(ipv4(icmp4(8, payload=payload(32, 5)), 1, dst="10.0.0.254"),
                                     ETH_IP))
    add("ipv4_gre", eth(ipv4(b"\x00\x00\x08\x00" + payload(20, 8), 47), ETH_IP))
    add("ipv4_ipip", eth(ipv4(v4_udp(1, 2, src="10.7.0.1", dst="10.7.0.2", data=b"inner"), 4,
                              src="10.99.0.1", dst="10.0.0.254"), ETH_IP))

    # --- routing targets (xdp_router) ------------------------------------------------------
    add("ipv4_route_devmap", eth(v4_udp(1000, 2000, dst="10.1.0.1", data=payload(20, 9)),
                                 ETH_IP))
    add("ipv4_route_devmap_hash", v4_tcp(1001, 80, dst="10.2.0.1", data=payload(10, 10)))
    add("ipv4_route_devmap_miss", v4_tcp(1002, 80, dst="10.2.0.2"))
    add("ipv4_route_redirect", eth(v4_udp(1003, 2001, dst="10.3.0.1"), ETH_IP))
    add("ipv4_route_redirect_badflags", eth(v4_udp(1004, 2002, dst="10.4.0.1"), ETH_IP))
    add("ipv4_route_ttl1", eth(v4_udp(1005, 2003, dst="10.1.0.1", ttl=1), ETH_IP))
    add("ipv4_broadcast", eth(v4_udp(68, 67, src="0.0.0.0", dst="255.255.255.255",
                                     data=payload(40, 11)), ETH_IP, dst=MAC_BCAST))

    # --- IPv4 options -------------------------------------------------------------------
    add("ipv4_opts_nop_eol_tcp", v4_tcp(40010, 80, options=b"\x01\x01\x01\x00"))
    rr = b"\x07\x0b\x04" + b"\0" * 8  # record route, room for two addresses
    add("ipv4_opts_rr_udp", eth(v4_udp(5360, 53, options=rr + b"\x01"), ETH_IP))
    lsrr = b"\x83\x07\x04" + ip4("10.5.5.5")
    add("ipv4_opts_lsrr_denied", v4_tcp(40011, 80, options=b"\x01" + lsrr))
    add("ipv4_opts_ts_max", v4_tcp(40012, 443, options=b"\x44\x24\x05\x00" + b"\0" * 32))
    add("ipv4_opts_bad_len", v4_tcp(40013, 80, options=b"\x07\x01\x00\x00"))

    # --- IPv4 fragments -----------------------------------------------------------------
    udp_full = udp(5400, 53, payload(64, 12), pseudo=lambda n: pseudo4("10.0.0.1", "10.0.0.2",
                                                                        17, n))
    add("ipv4_frag_first", eth(ipv4(udp_full[:40], 17, frag=0x2000, ident=77), ETH_IP))
    add("ipv4_frag_nonfirst", eth(ipv4(udp_full[40:], 17, frag=5, ident=77), ETH_IP))
    add("ipv4_frag_nonfirst_denied_src", eth(ipv4(payload(24, 13), 17, src="192.168.66.9",
                                                  frag=0x2000 | 10), ETH_IP))

    # --- Ethernet padding ---------------------------------------------------------------
    pad = lambda b: b + b"\0" * (60 - len(b)) if len(b) < 60 else b
    add("ipv4_udp_padded", pad(eth(v4_udp(5361, 53, data=b"hi"), ETH_IP)))

    # --- IPv6 ---------------------------------------------------------------------------
    add("ipv6_tcp_80", eth(ipv6(v6_tcp(41000, 80), 6), ETH_IPV6))
    add("ipv6_tcp_22_denied", eth(ipv6(v6_tcp(41001, 22), 6), ETH_IPV6))
    add("ipv6_udp_53", eth(ipv6(v6_udp(41003, 53, data=payload(20, 14)), 17), ETH_IPV6))
    add("ipv6_icmpv6_echo", eth(ipv6(icmp6(128, 0, b"\x00\x07\x00\x01" + payload(16, 15),
                                           s6, d6), 58), ETH_IPV6))
    ns = b"\0\0\0\0" + ip6("2001:db8::2") + b"\x01\x01" + MAC_HOST
    add("ipv6_icmpv6_ns", eth(ipv6(icmp6(135, 0, ns, s6, "ff02::1:ff00:2"), 58,
                                   dst="ff02::1:ff00:2", hlim=255), ETH_IPV6, dst=MAC_BCAST))
    add("ipv6_hbh_udp", eth(ipv6(hbh(17) + v6_udp(41004, 53), 0), ETH_IPV6))
    add("ipv6_dstopts_tcp", eth(ipv6(dstopts(6) + v6_tcp(41005, 443), 60), ETH_IPV6))
    add("ipv6_routing2_udp", eth(ipv6(routing(17, 2, ["2001:db8::9"]) + v6_udp(41006, 53), 43),
                                 ETH_IPV6))
    add("ipv6_routing0_denied", eth(ipv6(routing(6, 0, ["2001:db8::9", "2001:db8::a"]) +
                                         v6_tcp(41007, 80), 43), ETH_IPV6))
    add("ipv6_frag_first_udp", eth(ipv6(frag6(17, 0, True) + v6_udp(41008, 53, data=payload(40, 16)),
                                        44), ETH_IPV6))
    add("ipv6_frag_nonfirst", eth(ipv6(frag6(17, 6, False) + payload(32, 17), 44), ETH_IPV6))
    chain = hbh(60) + dstopts(43) + routing(44, 2, ["2001:db8::9"]) + frag6(17, 0, False)
    add("ipv6_ext_chain4_udp", eth(ipv6(chain + v6_udp(41009, 53), 0), ETH_IPV6))
    long_chain = dstopts(60) + dstopts(60) + dstopts(60) + dstopts(60) + dstopts(60) + \
        dstopts(60) + dstopts(17)
    add("ipv6_ext_chain7_denied", eth(ipv6(long_chain + v6_udp(41010, 53), 60), ETH_IPV6))
    add("ipv6_ext_truncated", eth(ipv6(b"\x11\x05" + b"\0" * 6, 0, plen=48), ETH_IPV6))

    # --- ARP ----------------------------------------------------------------------------
    zero = b"\0" * 6
    add("arp_request_router", eth(arp(1, MAC_HOST, "10.0.0.1", zero, "10.0.0.254"), ETH_ARP,
                                  dst=MAC_BCAST) + b"\0" * 18)
    add("arp_request_unknown", eth(arp(1, MAC_HOST, "10.0.0.1", zero, "10.0.0.77"), ETH_ARP,
                                   dst=MAC_BCAST) + b"\0" * 18)

    # --- VLAN / QinQ ----------------------------------------------------------------------
    add("vlan100_ipv4_tcp_pop", eth(ipv4(tcp(40020, 80, pseudo=lambda n: pseudo4(
        "10.0.0.1", "10.0.0.2", 6, n)), 6), ETH_IP, vlans=[(ETH_8021Q, 100)]))
    add("vlan200_ipv6_udp_xlate", eth(ipv6(v6_udp(41011, 53), 17), ETH_IPV6,
                                      vlans=[(ETH_8021Q, 200)]))
    add("qinq_ipv4_udp", eth(v4_udp(5363, 53, data=payload(8, 18)), ETH_IP,
                             vlans=[(ETH_8021AD, 10), (ETH_8021Q, 20)]))
    add("qinq_arp_request", eth(arp(1, MAC_HOST, "10.0.0.1", zero, "10.0.0.253"), ETH_ARP,
                                dst=MAC_BCAST, vlans=[(ETH_8021AD, 11), (ETH_8021Q, 21)]))
    add("vlan_truncated_tag", (MAC_ROUTER + MAC_HOST + b"\x81\x00\x00")[:15])
    add("push_vlan_ipv4", eth(v4_udp(5364, 53), ETH_IP, dst=MAC_PUSH))

    # --- runts and malformed -----------------------------------------------------------
    add("runt_0", b"")
    add("runt_1", b"\x02")
    add("runt_13", (MAC_ROUTER + MAC_HOST + b"\x08")[:13])
    add("runt_14_eth_only", MAC_ROUTER + MAC_HOST + b"\x08\x00")
    add("runt_20_ipv4_partial", MAC_ROUTER + MAC_HOST + b"\x08\x00" + b"\x45\x00\x00\x14\x00\x00")
    add("ipv4_trunc_ip_hdr", eth(ipv4(b"", 6)[:12], ETH_IP))
    add("ipv4_trunc_tcp", eth(ipv4(b"", 6, tot_len=28) + b"\x9c\x40\x00\x50\0\0\0\0", ETH_IP))
    add("ipv4_trunc_udp", eth(ipv4(b"", 17, tot_len=24) + b"\x15\xb3\x00\x35", ETH_IP))
    add("ipv6_trunc_hdr", eth(ipv6(b"", 6)[:30], ETH_IPV6))
    add("ipv4_bad_ihl3", eth(ipv4(udp(1, 53), 17, ihl=3), ETH_IP))
    add("ipv4_ihl15_short", eth(ipv4(udp(1, 53), 17, ihl=15), ETH_IP))
    add("ipv4_totlen_too_big", eth(v4_udp(5365, 53, tot_len=1400), ETH_IP))
    add("ipv4_bad_version6", eth(v4_udp(5367, 53, version=6), ETH_IP))
    add("lldp_unknown_ethertype", eth(payload(46, 19), 0x88CC, dst=bytes.fromhex("0180c200000e")))

    # --- large frames -------------------------------------------------------------------
    add("ipv4_tcp_1514", v4_tcp(40030, 443, data=payload(1460, 20), flags=0x10))
    add("ipv4_udp_3000", eth(v4_udp(5368, 53, data=payload(3000 - 42, 21)), ETH_IP))
    add("ipv6_udp_2000", eth(ipv6(v6_udp(41013, 53, data=payload(2000 - 62, 22)), 17), ETH_IPV6))
    return f


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: gen_packets.py OUT_DIR\n")
        return 2
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for old in os.listdir(out):
        if old.endswith(".bin"):
            os.unlink(os.path.join(out, old))
    for i, (name, data) in enumerate(frames(), 1):
        with open(os.path.join(out, "%02d_%s.bin" % (i, name)), "wb") as fh:
            fh.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
