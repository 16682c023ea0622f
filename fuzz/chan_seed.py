#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
# chan_seed.py - writes a seed for fuzz_chan: a guest's whole session in its record format
# (upload and attach an object in chunks, map update/lookup/dump, list, info, counters, detach,
# unload), so the fuzzer starts from requests that reach deep into the server.
# Usage: chan_seed.py OBJECT OUT
import struct
import sys
import zlib


def record(op, rid, body, port=0):
    # flags 2|4: the target prefixes Ethernet, magic and version, and fixes the body length.
    data = struct.pack(">BIHH", op, rid, 0, len(body)) + body
    return struct.pack(">BH", 6 | port, len(data)) + data


def s(text):
    b = text.encode()
    return struct.pack(">B", len(b)) + b


def blob(b):
    return struct.pack(">H", len(b)) + b


def main():
    obj = open(sys.argv[1], "rb").read()
    crc = zlib.crc32(obj) & 0xffffffff
    out, rid, chunk = b"", 1, 1408
    for off in range(0, len(obj), chunk):
        body = struct.pack(">IIIHI", 7, len(obj), crc, chunk, off) + obj[off:off + chunk]
        out += record(2, rid, body)
        rid += 1
    out += record(3, rid, struct.pack(">IIIBI", 7, len(obj), crc, 1, 0) + s("fw") + s(""))
    key, val = b"\x23\x29", b"\x00\x00\x00\x00"
    reqs = [
        (10, s("blocked") + struct.pack(">Q", 0) + blob(key) + blob(val)),
        (9, s("blocked") + blob(key)),
        (12, s("blocked") + blob(b"")),
        (13, s("blocked") + blob(b"")),
        (7, struct.pack(">I", 0)),
        (8, struct.pack(">II", 1, 0)),
        (14, b""),
        (6, b""),
        (5, struct.pack(">II", 1, 0) + s("chan_pass")),
        (11, s("1/blocked") + blob(key)),
        (4, struct.pack(">I", 1)),
        (1, b""),
    ]
    for op, body in reqs:
        rid += 1
        out += record(op, rid, body)
    out += record(1, rid, b"")  # a duplicate
    open(sys.argv[2], "wb").write(out)


main()
