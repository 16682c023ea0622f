# pkt_end_arith.s - rejected: no arithmetic on the packet end.
# ctx: xdp
# rule: no arithmetic on the packet end
# expect: pointer arithmetic on pkt_end
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
sub %r3, 1
mov %r0, 0
exit
