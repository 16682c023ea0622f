# ptr_pkt_minus_var_unbounded.s - rejected: a packet pointer minus an unknown value.
# ctx: xdp
# rule: pointer math needs a bounded scalar
# expect: min value is negative
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
ldxw %r4, [%r1+16]
sub %r2, %r4
mov %r5, %r2
add %r5, 1
jgt %r5, %r3, +1
ldxb %r0, [%r2+0]
mov %r0, 0
exit
