#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""test_dpdk.py - vxdpd with DPDK's virtio-user (dpdk-testpmd) as a real virtio-net frontend,
as TAP: traffic both ways in cross-connect and learning mode with testpmd's counters checked
against `vxdp stats`, mergeable receive buffers on and off, single- and multi-segment and
full-size frames, a testpmd that restarts (vxdpd as server), a vxdpd that restarts (vxdpd as
client, testpmd as server), and testpmd against vguest. Needs $VXDPD, $VXDP, $VGUEST and
dpdk-testpmd (skips with the reason when it is missing or cannot start)."""
import json
import os
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from testpmd import Testpmd, TestpmdError, Vxdpd, drops, find_testpmd  # noqa: E402

MAC_A = "52:54:00:00:00:0a"
MAC_B = "52:54:00:00:00:0b"
QSIZE = 256
LCORES = {"a": "0@(0-1),1@(0-1)", "b": "2@(0-1),3@(0-1)"}
SEND_SECONDS = 1.5

VXDPD = os.environ["VXDPD"]
VXDP = os.environ["VXDP"]
VGUEST = os.environ["VGUEST"]

n = 0
failed = False
tmp = tempfile.mkdtemp(prefix="vxdp-dpdk-")
run_id = "vxt%d" % os.getpid()
live = []
switches = []


def switch(*args, **kw):
    """A vxdpd, remembered so that a failed section still stops it."""
    sw = Vxdpd(VXDPD, VXDP, tmp, *args, **kw)
    switches.append(sw)
    return sw


def ok(cond, desc):
    global n, failed
    n += 1
    print("%s %d - %s" % ("ok" if cond else "not ok", n, desc), flush=True)
    if not cond:
        failed = True
    return cond


def skip(desc, why):
    global n
    n += 1
    print("ok %d - %s # SKIP %s" % (n, desc, why), flush=True)


def diag(msg):
    for line in str(msg).splitlines():
        print("# " + line, flush=True)


def sock(name):
    return os.path.join(tmp, name + ".sock")


def vdev(name, mrg=1, server=False):
    mac = MAC_A if name == "a" else MAC_B
    v = "net_virtio_user0,path=%s,queues=1,queue_size=%d,mrg_rxbuf=%d,mac=%s" % (
        sock(name), QSIZE, mrg, mac)
    return v + (",server=1" if server else "")


def testpmd(name, mrg=1, server=False, wait=True):
    """A testpmd on port `name`'s socket, stopped, at its prompt (wait=False: still
    starting, as a server testpmd waits for its backend)."""
    log = open(os.path.join(tmp, "testpmd-%s.log" % name), "a")
    t = Testpmd("%s%s" % (run_id, name), LCORES[name], [vdev(name, mrg, server)],
                ["--rxd=%d" % QSIZE, "--txd=%d" % QSIZE], log=log)
    live.append(t)
    if wait:
        ready(t)
    return t


def ready(t):
    if not t.started():
        t.kill()
        raise TestpmdError(t.tail())


def settle(sw, port, key, timeout=5):
    """Wait until vxdpd's counter stops moving; returns the port's stats."""
    last = None
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        p = sw.port(port)
        if last is not None and p[key] == last[key]:
            return p
        last = p
        time.sleep(0.3)
    return last


def drain(tp, want, timeout=5):
    """Give a receiving testpmd time to take what vxdpd put in its ring (want: its RX
    counter once it has)."""
    end = time.monotonic() + timeout
    while tp.stats()[0]["rx"] < want and time.monotonic() < end:
        time.sleep(0.1)


def flow(sw, tx, rx, src, dst, peer, txpkts="64", seconds=SEND_SECONDS):
    """tx sends (txonly) from port src to MAC peer, rx receives (rxonly) on port dst.
    Returns a dict of deltas: sent, got, got_bytes (testpmd) and vx_in, vx_out, vx_out_bytes,
    vx_drops (vxdpd)."""
    rx.cmd("set fwd rxonly")
    tx.cmd("set fwd txonly")
    tx.cmd("set eth-peer 0 %s" % peer)
    tx.cmd("set txpkts %s" % txpkts)
    t0, r0 = tx.stats()[0], rx.stats()[0]
    s0, d0 = sw.port(src), sw.port(dst)
    rx.cmd("start")
    tx.cmd("start")
    time.sleep(seconds)
    tx.cmd("stop")
    t1 = tx.stats()[0]
    # Every frame testpmd put in its ring is taken by the switch; then the receiver drains.
    end = time.monotonic() + 5
    while sw.port(src)["rx_packets"] - s0["rx_packets"] < t1["tx"] - t0["tx"] and \
            time.monotonic() < end:
        time.sleep(0.1)
    d = settle(sw, dst, "tx_packets")
    drain(rx, r0["rx"] + d["tx_packets"] - d0["tx_packets"])
    rx.cmd("stop")
    r1 = rx.stats()[0]
    s1, d1 = sw.port(src), sw.port(dst)
    return {
        "sent": t1["tx"] - t0["tx"], "sent_bytes": t1["tx_bytes"] - t0["tx_bytes"],
        "got": r1["rx"] - r0["rx"], "got_bytes": r1["rx_bytes"] - r0["rx_bytes"],
        "vx_in": s1["rx_packets"] - s0["rx_packets"],
        "vx_in_bytes": s1["rx_bytes"] - s0["rx_bytes"],
        "vx_out": d1["tx_packets"] - d0["tx_packets"],
        "vx_out_bytes": d1["tx_bytes"] - d0["tx_bytes"],
        "vx_drops": drops(d1) - drops(d0) + s1["drops"]["no_dest"] - s0["drops"]["no_dest"],
    }


def check_flow(f, what):
    """The checks every flow must pass."""
    diag("%s: %s" % (what, json.dumps(f)))
    ok(f["sent"] >= 1000, "%s: testpmd sent frames (%d)" % (what, f["sent"]))
    ok(f["vx_in"] == f["sent"] and f["vx_in_bytes"] == f["sent_bytes"],
       "%s: vxdpd received every frame testpmd sent (%d of %d, %d of %d bytes)" % (
           what, f["vx_in"], f["sent"], f["vx_in_bytes"], f["sent_bytes"]))
    ok(f["vx_in"] == f["vx_out"] + f["vx_drops"],
       "%s: each frame forwarded or counted as a drop (%d = %d + %d)" % (
           what, f["vx_in"], f["vx_out"], f["vx_drops"]))
    ok(f["got"] > 0 and 0 <= f["vx_out"] - f["got"] <= QSIZE,
       "%s: testpmd received what vxdpd delivered, within a ring in flight (%d of %d)" % (
           what, f["got"], f["vx_out"]))
    if f["got"] == f["vx_out"]:
        ok(f["got_bytes"] == f["vx_out_bytes"], "%s: bytes agree (%d)" % (what,
                                                                       f["got_bytes"]))
    else:
        ok(f["got_bytes"] <= f["vx_out_bytes"], "%s: bytes agree within what is in flight" %
           what)


def pair(mrg=1, server=False):
    a = testpmd("a", mrg, server)
    b = testpmd("b", mrg, server)
    return a, b


def quit_all(*tps):
    for t in tps:
        t.quit()
        if t in live:
            live.remove(t)


def ports(client=False):
    suffix = ",client" if client else ""
    return ["a=vhost-user:%s%s" % (sock("a"), suffix),
            "b=vhost-user:%s%s" % (sock("b"), suffix)]


def section_modes():
    """Cross-connect and learning, mergeable buffers on and off, both directions."""
    for mode, mrg in (("xconnect", 1), ("xconnect", 0), ("learn", 1)):
        what = "%s mrg_rxbuf=%d" % (mode, mrg)
        sw = switch(ports(), mode=mode)
        a, b = pair(mrg)
        ok(sw.wait_connected(["a", "b"]), "%s: both testpmd ports connected" % what)
        check_flow(flow(sw, a, b, "a", "b", MAC_B), "%s a->b 64B" % what)
        check_flow(flow(sw, b, a, "b", "a", MAC_A), "%s b->a 64B" % what)
        check_flow(flow(sw, a, b, "a", "b", MAC_B, "1514"), "%s a->b 1514B" % what)
        check_flow(flow(sw, b, a, "b", "a", MAC_A, "64,200,1000"),
                   "%s b->a 3 segments" % what)
        if mode == "learn":
            st = sw.stats()
            ok(st["macs"] == 2, "learn: both testpmd MACs learned (%d)" % st["macs"])
            fl = st["flooded"]
            f = flow(sw, a, b, "a", "b", MAC_B)
            check_flow(f, "learn a->b after learning")
            ok(sw.stats()["flooded"] == fl, "learn: nothing flooded once b is learned")
        quit_all(a, b)
        rc = sw.stop()
        ok(rc == 0, "%s: vxdpd exits 0 after testpmd left (%s)" % (what, rc))


def section_testpmd_restart():
    """vxdpd as server: a testpmd leaves, a new one connects, traffic flows again."""
    sw = switch(ports())
    a, b = pair()
    ok(sw.wait_connected(["a", "b"]), "restart: both connected")
    check_flow(flow(sw, a, b, "a", "b", MAC_B), "before testpmd restart a->b")
    quit_all(b)
    b = testpmd("b")
    ok(sw.wait_connected(["b"]) and sw.port("b")["connects"] == 2,
       "testpmd restart: the new testpmd connected to b (connects %d)" %
       sw.port("b")["connects"])
    check_flow(flow(sw, a, b, "a", "b", MAC_B), "after testpmd restart a->b")
    check_flow(flow(sw, b, a, "b", "a", MAC_A), "after testpmd restart b->a")
    quit_all(a)
    a = testpmd("a", mrg=0)
    ok(sw.wait_connected(["a"]), "testpmd restart: a came back with mrg_rxbuf=0")
    check_flow(flow(sw, b, a, "b", "a", MAC_A, "1514"), "after restart with mrg_rxbuf=0")
    quit_all(a, b)
    ok(sw.stop() == 0, "testpmd restart: vxdpd exits 0")


def section_vxdpd_restart():
    """vxdpd as client, testpmd as server: vxdpd killed and started again, traffic resumes."""
    for name in ("a", "b"):
        if os.path.exists(sock(name)):
            os.unlink(sock(name))
    # A server testpmd waits for its backend before it gives a prompt.
    a = testpmd("a", server=True, wait=False)
    b = testpmd("b", server=True, wait=False)
    sw = switch(ports(client=True))
    ready(a)
    ready(b)
    ok(sw.wait_connected(["a", "b"]), "client mode: vxdpd connected to both testpmds")
    check_flow(flow(sw, a, b, "a", "b", MAC_B), "client mode a->b")
    sw.stop(signal.SIGKILL)
    time.sleep(1)
    sw = switch(ports(client=True))
    ok(sw.wait_connected(["a", "b"], 30),
       "vxdpd restart: the new vxdpd reconnected to both testpmds")
    check_flow(flow(sw, a, b, "a", "b", MAC_B), "after vxdpd restart a->b")
    check_flow(flow(sw, b, a, "b", "a", MAC_A), "after vxdpd restart b->a")
    ok(sw.stop() == 0, "vxdpd restart: vxdpd exits 0 (SIGTERM)")
    quit_all(a, b)


def section_vguest():
    """testpmd against vguest through vxdpd: counted sends, and a ping-pong."""
    sw = switch(ports())
    b = testpmd("b")
    ok(sw.wait_connected(["b"]), "vguest: testpmd on b connected")
    b.cmd("set fwd rxonly")
    r0 = b.stats()[0]["rx"]
    a0, b0 = sw.port("a"), sw.port("b")
    b.cmd("start")
    count = 5000
    res = subprocess.run([VGUEST, "--socket", sock("a"), "--mac", MAC_A, "--json", "send",
                          "--to", MAC_B, "--count", str(count), "--size", "300",
                          "--rate", "20000"], capture_output=True, text=True, timeout=60)
    d = settle(sw, "b", "tx_packets")
    drain(b, r0 + d["tx_packets"] - b0["tx_packets"])
    b.cmd("stop")
    got = b.stats()[0]["rx"] - r0
    a1, b1 = sw.port("a"), sw.port("b")
    vx_in = a1["rx_packets"] - a0["rx_packets"]
    vx_out = b1["tx_packets"] - b0["tx_packets"]
    lost = drops(b1) - drops(b0)
    ok(res.returncode == 0 and vx_in == count and vx_out + lost == count and got == vx_out,
       "vguest -> testpmd: %d paced frames: vxdpd took %d, testpmd received %d, "
       "%d dropped and counted" % (count, vx_in, got, lost))
    # testpmd injects 32 frames (tx_first) and forwards whatever comes back (io); vguest
    # echoes: the frames bounce between the two.
    echo = subprocess.Popen([VGUEST, "--socket", sock("a"), "--mac", MAC_A, "--json", "echo",
                             "--timeout", "3"], stdout=subprocess.PIPE, text=True)
    ok(sw.wait_connected(["a"]), "vguest echo connected")
    b.cmd("set fwd io")
    b.cmd("set txpkts 64")
    s0 = b.stats()[0]
    b.cmd("start tx_first")
    time.sleep(2)
    b.cmd("stop")
    s1 = b.stats()[0]
    out = echo.communicate(timeout=30)[0].strip().splitlines()
    echoed = json.loads(out[-1])["echoed"] if out else 0
    ok(s1["rx"] - s0["rx"] >= 1000 and echoed >= 1000,
       "testpmd <-> vguest ping-pong: testpmd received %d, vguest echoed %d" % (
           s1["rx"] - s0["rx"], echoed))
    quit_all(b)
    ok(sw.stop() == 0, "vguest: vxdpd exits 0")


def main():
    tp = find_testpmd()
    if not tp:
        skip("DPDK interop", "dpdk-testpmd not found (Debian package dpdk-dev)")
        print("1..%d" % n)
        return 0
    # Can testpmd run here at all (memory, permissions)?
    probe = Testpmd(run_id + "p", LCORES["a"], ["net_null0"])
    live.append(probe)
    if not probe.started(60):
        tail = probe.tail()
        probe.kill()
        skip("DPDK interop", "dpdk-testpmd cannot start: " + " | ".join(tail.splitlines()[-3:]))
        print("1..%d" % n)
        return 0
    quit_all(probe)
    for section in (section_modes, section_testpmd_restart, section_vxdpd_restart,
                    section_vguest):
        try:
            section()
        except (TestpmdError, RuntimeError, subprocess.SubprocessError, KeyError,
                OSError) as e:
            ok(False, "%s: %s" % (section.__name__, str(e).splitlines()[0][:200]))
            diag(e)
        finally:
            for t in list(live):
                t.kill()
                live.remove(t)
            for sw in list(switches):
                if sw.proc.poll() is None:
                    sw.stop()
            switches.clear()
    err = open(os.path.join(tmp, "vxdpd.err")).read() if os.path.exists(
        os.path.join(tmp, "vxdpd.err")) else ""
    ok("sanitizer" not in err.lower() and "queue broken" not in err,
       "vxdpd logged no sanitizer report and no broken queue")
    if failed:
        diag(err[-3000:])
    print("1..%d" % n)
    return 1 if failed else 0


if __name__ == "__main__":
    try:
        rc = main()
    finally:
        for t in live:
            t.kill()
        subprocess.run(["rm", "-rf", tmp], check=False)
        for p in ("a", "b", "p"):
            subprocess.run(["rm", "-rf", "/var/run/dpdk/%s%s" % (run_id, p)], check=False)
    sys.exit(rc)
