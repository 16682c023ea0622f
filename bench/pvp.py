#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""pvp.py - the PVP benchmark: DPDK testpmd with two virtio-user ports forwarding in io mode
(`start tx_first 32`) loops frames through a vhost-user switch; measured for vxdpd
(cross-connect and learning) and, in the same run, DPDK's own vhost backend (testpmd with two
net_vhost ports in io mode) with the same frontend. The switch runs on one core, the frontend
on another. Prints Mpps (frames the frontend received per second, both ports) per frame size,
the median of --reps runs, and the ratio vxdpd/DPDK, with the machine it ran on.

usage: pvp.py [--build DIR] [--seconds S] [--reps N] [--sizes 64,1518]
              [--switch-cpu N] [--frontend-cpu N] [--nice N] [--only NAME,...]"""
import argparse
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "dpdk"))
from testpmd import Testpmd, TestpmdError, Vxdpd, find_testpmd  # noqa: E402

MAC0 = "52:54:00:00:01:00"
MAC1 = "52:54:00:00:01:01"
QSIZE = 1024
MEM = 1024  # MiB per testpmd
BACKENDS = ("vxdpd-xconnect", "vxdpd-learn", "dpdk-vhost")


def machine():
    model = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()
    return "machine: %d CPUs, %s, Linux %s, load average %.1f %.1f %.1f at start" % (
        os.cpu_count(), model, platform.release(), *load)


def wrap(opts, cpu):
    """Pinned to cpu, at the priority asked for (the machine may be shared)."""
    w = ["taskset", "-c", str(cpu)]
    return w + (["nice", "-n", str(opts.nice)] if opts.nice else [])


class Backend:
    """The switch under test, listening on two vhost-user sockets."""

    def __init__(self, name, opts, tmp, socks):
        self.name = name
        self.sw = self.tp = None
        if name.startswith("vxdpd"):
            mode = name.split("-")[1]
            self.sw = Vxdpd(opts.vxdpd, opts.vxdp, tmp,
                            ["p0=vhost-user:" + socks[0], "p1=vhost-user:" + socks[1]],
                            mode=mode, extra=["--cores", str(opts.switch_cpu)],
                            wrap=wrap(opts, opts.switch_cpu))
            return
        c = opts.switch_cpu
        self.tp = Testpmd("pvpsw%d" % os.getpid(), "0@%d,1@%d" % (c, c),
                          ["net_vhost0,iface=%s,queues=1" % socks[0],
                           "net_vhost1,iface=%s,queues=1" % socks[1]],
                          ["--forward-mode=io", "--rxd=%d" % QSIZE, "--txd=%d" % QSIZE,
                           "--burst=32", "--no-lsc-interrupt"],
                          mem=MEM, wrap=wrap(opts, c))
        if not self.tp.started(60):
            tail = self.tp.tail()
            self.tp.kill()
            raise TestpmdError("DPDK vhost backend did not start: " + tail)
        self.tp.cmd("start")

    def stop(self):
        if self.sw:
            self.sw.stop()
        if self.tp:
            self.tp.quit()


def frontend(opts, socks, size):
    c = opts.frontend_cpu
    vdevs = ["net_virtio_user%d,path=%s,queues=1,queue_size=%d,mac=%s" % (
        i, socks[i], QSIZE, mac) for i, mac in ((0, MAC0), (1, MAC1))]
    # Each port's frames are addressed to the other port, so a learning switch sees every
    # source address on one port only and every destination once learned.
    tp = Testpmd("pvpfe%d" % os.getpid(), "2@%d,3@%d" % (c, c), vdevs,
                 ["--forward-mode=io", "--rxd=%d" % QSIZE, "--txd=%d" % QSIZE,
                  "--burst=32", "--txpkts=%d" % (size - 4), "--eth-peer=0,%s" % MAC1,
                  "--eth-peer=1,%s" % MAC0],
                 mem=MEM, wrap=wrap(opts, c))
    if not tp.started(60):
        tail = tp.tail()
        tp.kill()
        raise TestpmdError("frontend testpmd did not start: " + tail)
    return tp


def received(tp):
    st = tp.stats()
    return sum(p["rx"] for p in st.values())


def measure(opts, name, size, tmp):
    """One run: Mpps through the loop, or None (with a reason printed)."""
    socks = [os.path.join(tmp, "%s-%d.sock" % (name, i)) for i in (0, 1)]
    for s in socks:
        if os.path.exists(s):
            os.unlink(s)
    be = fe = None
    try:
        be = Backend(name, opts, tmp, socks)
        fe = frontend(opts, socks, size)
        if be.sw and not be.sw.wait_connected(["p0", "p1"]):
            raise TestpmdError("frontend did not connect to vxdpd")
        fe.cmd("start tx_first 32")
        time.sleep(opts.warmup)
        r0, t0 = received(fe), time.monotonic()
        time.sleep(opts.seconds)
        r1, t1 = received(fe), time.monotonic()
        fe.cmd("stop")
        return (r1 - r0) / (t1 - t0) / 1e6
    except (TestpmdError, RuntimeError, OSError) as e:
        print("# %s %dB failed: %s" % (name, size, " | ".join(str(e).splitlines()[-4:])[:400]),
              flush=True)
        return None
    finally:
        if fe:
            fe.quit()
        if be:
            be.stop()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--build", default=os.path.join(HERE, "..", "build"))
    ap.add_argument("--seconds", type=float, default=5)
    ap.add_argument("--warmup", type=float, default=2)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--sizes", default="64,1518")
    ap.add_argument("--switch-cpu", type=int, default=0)
    ap.add_argument("--frontend-cpu", type=int, default=1)
    ap.add_argument("--nice", type=int, default=0,
                    help="nice value for the switch and the frontend (e.g. -10 on a shared "
                    "machine)")
    ap.add_argument("--only", default=",".join(BACKENDS))
    opts = ap.parse_args()
    opts.vxdpd = os.path.join(opts.build, "tools", "vxdpd", "vxdpd")
    opts.vxdp = os.path.join(opts.build, "tools", "vxdp")
    sizes = [int(s) for s in opts.sizes.split(",")]
    names = [n for n in opts.only.split(",") if n in BACKENDS]
    if not find_testpmd():
        print("pvp: dpdk-testpmd not found (Debian package dpdk-dev): nothing measured")
        return 0
    print(machine())
    print("pvp: frontend testpmd (2 virtio-user ports, io, tx_first 32, %d-entry rings) on "
          "CPU %d, switch on CPU %d; %g s per run after %g s warm-up, median of %d runs; "
          "sizes are frames on the wire (CRC included); nice %d" % (
              QSIZE, opts.frontend_cpu, opts.switch_cpu, opts.seconds, opts.warmup,
              opts.reps, opts.nice), flush=True)
    res = {(n, s): [] for n in names for s in sizes}
    with tempfile.TemporaryDirectory(prefix="vxdp-pvp-") as tmp:
        for rep in range(opts.reps):
            for size in sizes:
                for name in names:
                    mpps = measure(opts, name, size, tmp)
                    print("# run %d %-15s %5dB %s" % (
                        rep + 1, name, size, "%.3f Mpps" % mpps if mpps is not None else "-"),
                        flush=True)
                    if mpps is not None:
                        res[(name, size)].append(mpps)
    med = {k: statistics.median(v) if v else None for k, v in res.items()}
    print("%-15s %s" % ("backend", "".join("%12s" % ("%dB Mpps" % s) for s in sizes)))
    for name in names:
        print("%-15s %s" % (name, "".join(
            "%12s" % ("%.3f" % med[(name, s)] if med[(name, s)] is not None else "-")
            for s in sizes)))
    if "dpdk-vhost" in names:
        for name in names:
            if name == "dpdk-vhost":
                continue
            parts = []
            for s in sizes:
                a, b = med[(name, s)], med[("dpdk-vhost", s)]
                parts.append("%dB %s" % (s, "%.2fx" % (a / b) if a and b else "-"))
            print("ratio %s/dpdk-vhost: %s" % (name, ", ".join(parts)))
    return 0


if __name__ == "__main__":
    # SIGTERM unwinds like an exception, so each run's processes are stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    sys.exit(main())
