# pkt_end_minus_pkt_deref.s - rejected: end minus start used as a pointer.
# ctx: xdp
# rule: pointer differences are scalars
# expect: invalid mem access 'scalar'
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
sub %r3, %r2
ldxb %r0, [%r3+0]
exit
