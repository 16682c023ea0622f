# pkt_basic.s - accepted: bounds-checked packet read.
# ctx: xdp
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r4, %r2
add %r4, 14
jgt %r4, %r3, out
ldxh %r0, [%r2+12]
exit
out:
mov %r0, 1
exit
