# bounds_alu32_and_or.s - rejected: a 32-bit or after a 64-bit and: the upper half is zero but the low half is not bounded by the and.
# ctx: xdp
# rule: 32-bit bitwise ops update bounds soundly
# expect: invalid access to map value
# maps: array:4:16:1
# refval: 0 0 0
lddw %r0, 0
ldxdw %r1, [%r0+0]
and %r1, 0xf
or32 %r1, 0x10
add %r0, %r1
ldxb %r0, [%r0+0]
exit
