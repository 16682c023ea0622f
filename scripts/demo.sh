#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause
# scripts/demo.sh - what `make demo` shows: the eBPF engine assembling and running a program,
# then the switch: vxdpd with two vguests, traffic, a firewall the receiving guest offloads over
# its own NIC (the guest channel), live counters.
set -eu
cd "$(dirname "$0")/.."
vxdp=build/tools/vxdp
plugin=build/tools/vxdp-bpf-plugin
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cat >"$tmp/ipv4_proto.s" <<'ASM'
# Return the IP protocol of an Ethernet+IPv4 frame, or 0 when it is not IPv4.
# r1 = frame, r2 = its length.
mov %r0, 0
jlt %r2, 34, done
ldxh %r3, [%r1+12]
be16 %r3
jne %r3, 0x0800, done
ldxb %r0, [%r1+23]
done:
exit
ASM

echo "== vxdp demo: the eBPF engine (src/bpf)"
echo "-- program text:"
cat "$tmp/ipv4_proto.s"
echo "-- vxdp asm --hex:"
$vxdp asm --hex "$tmp/ipv4_proto.s" | tee "$tmp/prog.hex"
echo "-- vxdp disasm (labels at branch targets):"
$vxdp disasm --hex "$tmp/prog.hex"
udp="ff ff ff ff ff ff 52 54 00 12 34 56 08 00 45 00 00 1c 00 00 00 00 40 11 00 00 0a 00 00 01 0a 00 00 02"
arp="ff ff ff ff ff ff 52 54 00 12 34 56 08 06 00 01 08 00 06 04 00 01 52 54 00 12 34 56 0a 00 00 01 00 00"
echo "-- run in the checked interpreter: a UDP frame gives 0x$($plugin "$udp" <"$tmp/prog.hex"), an ARP frame 0x$($plugin "$arp" <"$tmp/prog.hex")"
echo "-- a read past the frame is stopped, not executed:"
printf 'ldxdw %%r0, [%%r1+30]\nexit\n' >"$tmp/oob.s"
$vxdp asm --hex "$tmp/oob.s" | $plugin "$udp" || true
echo
echo "== vxdp demo: the switch (vxdpd with two vguests) and an offloaded firewall"
tests/switch/demo.sh build
