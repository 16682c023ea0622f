# pkt_ptr_from_scalar.s - rejected: a scalar offset plus data_end minus data cannot make a pointer.
# ctx: xdp
# rule: pointer differences are scalars
# expect: R5 invalid mem access 'scalar'
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r4, %r3
sub %r4, %r2
jlt %r4, 8, out
mov %r5, 0
add %r5, %r4
ldxb %r0, [%r5+0]
exit
out:
mov %r0, 2
exit
