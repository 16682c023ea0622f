# SPDX-License-Identifier: BSD-2-Clause
"""testpmd.py - drives DPDK's dpdk-testpmd and vxdpd from Python for the interop tests and the
PVP benchmark: start testpmd in interactive mode on a pipe, send commands, parse port
statistics; start and stop vxdpd and read `vxdp stats --json`."""
import json
import os
import re
import shutil
import signal
import subprocess
import threading
import time

PROMPT = "testpmd> "


def find_testpmd():
    """Path of dpdk-testpmd ($TESTPMD overrides), or None."""
    return os.environ.get("TESTPMD") or shutil.which("dpdk-testpmd")


class TestpmdError(Exception):
    """testpmd did not start or stopped answering; the message holds its output."""


class Testpmd:
    """One interactive testpmd process; commands go to stdin, answers are read until the
    next prompt. vdevs are --vdev arguments, args testpmd's own options (after --), wrap a
    command line to run it under (taskset, nice)."""

    def __init__(self, prefix, lcores, vdevs, args=(), mem=1024, wrap=(), log=None):
        cmd = list(wrap)
        stdbuf = shutil.which("stdbuf")
        if stdbuf:
            cmd += [stdbuf, "-o0"]
        cmd += [find_testpmd(), "--no-huge", "-m", str(mem), "--no-pci", "--file-prefix",
                prefix, "--lcores", lcores, "--log-level", "lib.eal:error"]
        for v in vdevs:
            cmd += ["--vdev", v]
        cmd += ["--", "-i"] + list(args)
        self.cmdline = cmd
        self.log = log
        self.out = ""
        self.lock = threading.Lock()
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, bufsize=0,
                                     start_new_session=True)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        while True:
            data = self.proc.stdout.read(4096)
            if not data:
                return
            text = data.decode(errors="replace")
            with self.lock:
                self.out += text
            if self.log:
                self.log.write(text)
                self.log.flush()

    def _prompts(self):
        with self.lock:
            return self.out.count(PROMPT), len(self.out)

    def wait_prompt(self, count, timeout):
        """Wait until the output holds at least count prompts."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self._prompts()[0] >= count:
                return True
            if self.proc.poll() is not None:
                time.sleep(0.1)
                return self._prompts()[0] >= count
            time.sleep(0.02)
        return False

    def started(self, timeout=60):
        """True once testpmd shows its first prompt; False if it exited or hung."""
        return self.wait_prompt(1, timeout)

    def tail(self, lines=15):
        with self.lock:
            return "\n".join(self.out.strip().splitlines()[-lines:])

    def cmd(self, line, timeout=20):
        """Run one command; returns what it printed (up to the next prompt)."""
        n, start = self._prompts()
        try:
            self.proc.stdin.write((line + "\n").encode())
            self.proc.stdin.flush()
        except OSError as e:
            raise TestpmdError("testpmd is gone (%s): %s" % (e, self.tail()))
        if not self.wait_prompt(n + 1, timeout):
            raise TestpmdError("no answer to '%s': %s" % (line, self.tail()))
        with self.lock:
            return self.out[start:]

    def stats(self):
        """{port: {"rx": packets, "rx_bytes": .., "tx": .., "tx_bytes": ..}} from the NIC
        statistics."""
        out = self.cmd("show port stats all")
        res = {}
        for m in re.finditer(r"NIC statistics for port (\d+)[ #]*\n(.*?)\n\s*#{20,}", out, re.S):
            body = m.group(2)

            def num(key):
                k = re.search(key + r":\s+(\d+)", body)
                return int(k.group(1)) if k else 0
            res[int(m.group(1))] = {"rx": num("RX-packets"), "rx_bytes": num("RX-bytes"),
                                    "tx": num("TX-packets"), "tx_bytes": num("TX-bytes")}
        return res

    def quit(self, timeout=20):
        """Leave testpmd; kill it if it does not go. Returns its exit status."""
        if self.proc.poll() is None:
            try:
                self.proc.stdin.write(b"quit\n")
                self.proc.stdin.flush()
            except OSError:
                pass
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.kill()
        self.reader.join(2)
        return self.proc.returncode

    def kill(self):
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()


class Vxdpd:
    """vxdpd with a control socket in dir; ports are --port values, wrap a command line to
    run it under."""

    def __init__(self, vxdpd, vxdp, dir, ports, mode="xconnect", extra=(), wrap=()):
        self.vxdp = vxdp
        self.ctl = os.path.join(dir, "ctl.sock")
        cmd = list(wrap) + [vxdpd, "--ctl", self.ctl, "--mode", mode] + list(extra)
        for p in ports:
            cmd += ["--port", p]
        self.err = open(os.path.join(dir, "vxdpd.err"), "a")
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=self.err)
        end = time.monotonic() + 10
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                break
            try:
                self.stats()
                return
            except (subprocess.CalledProcessError, ValueError):
                time.sleep(0.05)
        raise RuntimeError("vxdpd did not start: exit %s" % self.proc.poll())

    def stats(self):
        out = subprocess.run([self.vxdp, "stats", "--json", "--ctl", self.ctl],
                             capture_output=True, check=True, timeout=10).stdout
        return json.loads(out)

    def port(self, name):
        for p in self.stats()["ports"]:
            if p["name"] == name:
                return p
        raise KeyError(name)

    def connected(self, name):
        out = subprocess.run([self.vxdp, "port", "list", "--ctl", self.ctl],
                             capture_output=True, text=True, timeout=10).stdout
        return re.search(r"^\d+\s+%s\s+vhost-user\s+true\s" % re.escape(name), out,
                         re.M) is not None

    def wait_connected(self, names, timeout=20):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if all(self.connected(n) for n in names):
                return True
            time.sleep(0.1)
        return False

    def stop(self, sig=signal.SIGTERM, timeout=10):
        """Signal vxdpd and wait; returns its exit status (None if it had to be killed)."""
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                return None
        self.err.close()
        return self.proc.returncode


def drops(port):
    return sum(port["drops"].values())
