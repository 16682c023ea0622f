# pkt_minus_pkt.s - accepted: two packet pointers subtracted: a length, not a pointer.
# ctx: xdp
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
sub %r3, %r2
mov %r0, 2
jgt %r3, 1500, +1
mov %r0, 1
exit
