# pkt_reversed.s - accepted: pkt_end < pkt' in the other operand order.
# ctx: xdp
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r4, %r2
add %r4, 14
jlt %r3, %r4, out
ldxh %r0, [%r2+12]
exit
out:
mov %r0, 1
exit
