# pkt_unaligned_load.s - accepted: an 8-byte load at packet offset 22 (an IPv6 address half): unaligned is fine for the packet.
# ctx: xdp
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r4, %r2
add %r4, 54
jgt %r4, %r3, out
ldxdw %r0, [%r2+22]
and %r0, 1
exit
out:
mov %r0, 2
exit
