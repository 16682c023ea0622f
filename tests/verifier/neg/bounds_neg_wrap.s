# bounds_neg_wrap.s - rejected: the negation of {0, 4} plus 8 indexes 8 bytes at 4 or 8 of a 12-byte value.
# ctx: xdp
# rule: negation bounds
# expect: invalid access to map value
# maps: array:4:12:1
# refval: 0 0 0
lddw %r0, 0
ldxdw %r1, [%r0+0]
and %r1, 4
neg %r1
add %r1, 8
add %r0, %r1
ldxdw %r0, [%r0+0]
exit
