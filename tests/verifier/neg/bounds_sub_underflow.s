# bounds_sub_underflow.s - rejected: 0 minus a value in [0, 8] as an unsigned index.
# ctx: xdp
# rule: subtraction bounds
# expect: min value is outside of the allowed memory range
# maps: array:4:16:1
# refval: 0 0 0
lddw %r0, 0
ldxdw %r1, [%r0+0]
and %r1, 8
mov %r2, 8
sub %r2, %r1
sub %r2, 1
add %r0, %r2
ldxb %r0, [%r0+0]
exit
