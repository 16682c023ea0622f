# bounds_div_signed.s - rejected: a signed division of an unknown value used as an index.
# ctx: xdp
# rule: signed division bounds
# expect: unbounded min value
# maps: array:4:16:1
# refval: 0 0 0
lddw %r0, 0
ldxdw %r1, [%r0+0]
sdiv %r1, 0x10000000
add %r0, %r1
ldxb %r0, [%r0+0]
exit
