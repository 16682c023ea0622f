#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
# tap_peer.py - the host-stack side of the tap port test, on an AF_PACKET socket bound to the
# tap interface:
#   echo IFNAME SRC_MAC COUNT TIMEOUT READY_FILE GO_FILE  captures COUNT frames from SRC_MAC
#       (vguest's test frames: IPv4/UDP with a magic) or stops after TIMEOUT seconds of silence,
#       checks them, waits for GO_FILE to exist (the receiver is ready), sends the intact ones
#       back with the MACs swapped, and prints a JSON line {"seen", "intact", "echoed"}.
#   inject IFNAME DST_MAC COUNT SIZE  sends COUNT frames of SIZE bytes to DST_MAC.
import json
import os
import select
import socket
import struct
import sys
import time

ETH_P_ALL = 0x0003
PACKET_OUTGOING = 4
MAGIC = 0x76677374  # vguest's payload magic ("vgst"), after Ethernet/IPv4/UDP
PAY_OFF = 14 + 20 + 8
SO_RCVBUFFORCE = 33


def mac_bytes(s):
    return bytes(int(x, 16) for x in s.split(":"))


def open_sock(ifname):
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
    # Room for a whole test burst of jumbo frames (the default drops beyond ~200 KB).
    try:
        s.setsockopt(socket.SOL_SOCKET, SO_RCVBUFFORCE, 32 << 20)
    except OSError:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 32 << 20)
    s.bind((ifname, 0))
    return s


def intact(frame):
    if len(frame) < PAY_OFF + 4 or frame[12:14] != b"\x08\x00" or frame[14 + 9] != 17:
        return False
    return struct.unpack("!I", frame[PAY_OFF:PAY_OFF + 4])[0] == MAGIC


def wait_file(path, timeout):
    end = time.monotonic() + timeout
    while not os.path.exists(path) and time.monotonic() < end:
        time.sleep(0.02)


def echo(ifname, src, count, timeout, ready, go):
    s = open_sock(ifname)
    want = mac_bytes(src)
    seen = 0
    good = []
    with open(ready, "w") as f:
        f.write("ready\n")
    last = time.monotonic()
    while seen < count and time.monotonic() - last < timeout:
        r, _, _ = select.select([s], [], [], 0.1)
        if not r:
            continue
        frame, addr = s.recvfrom(65536)
        if addr[2] == PACKET_OUTGOING or frame[6:12] != want:
            continue
        last = time.monotonic()
        seen += 1
        if intact(frame):
            good.append(frame)
    wait_file(go, 30)
    for frame in good:
        s.send(frame[6:12] + frame[0:6] + frame[12:])
    print(json.dumps({"seen": seen, "intact": len(good), "echoed": len(good)}))


def inject(ifname, dst, count, size):
    s = open_sock(ifname)
    src = open(f"/sys/class/net/{ifname}/address").read().strip()
    # Local Experimental EtherType 2: 0x88b5 is the guest channel's, which the switch never
    # accepts from a host port.
    head = mac_bytes(dst) + mac_bytes(src) + b"\x88\xb6"
    for i in range(count):
        body = struct.pack("!I", i) + bytes(max(0, size - len(head) - 4))
        s.send(head + body)
    print(json.dumps({"sent": count}))


def main():
    if len(sys.argv) == 8 and sys.argv[1] == "echo":
        echo(sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5]), sys.argv[6],
             sys.argv[7])
    elif len(sys.argv) == 6 and sys.argv[1] == "inject":
        inject(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
    else:
        sys.exit("usage: tap_peer.py echo IFNAME SRC_MAC COUNT TIMEOUT READY GO | "
                 "inject IFNAME DST_MAC COUNT SIZE")


if __name__ == "__main__":
    main()
