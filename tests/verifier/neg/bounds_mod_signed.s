# bounds_mod_signed.s - rejected: a signed modulo of a negative value used as an index.
# ctx: xdp
# rule: signed modulo bounds
# expect: unbounded min value
# maps: array:4:16:1
# refval: 0 0 0
lddw %r0, 0
ldxdw %r1, [%r0+0]
smod %r1, 8
add %r0, %r1
ldxb %r0, [%r0+0]
exit
