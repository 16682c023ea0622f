# bounds_mul_overflow.s - rejected: a product that overflows 64 bits, believed small.
# ctx: xdp
# rule: multiplication bounds
# expect: unbounded min value
# maps: array:4:16:1
# refval: 0 0 0
lddw %r0, 0
ldxdw %r1, [%r0+0]
jgt %r1, 4, out
lddw %r2, 0x4000000000000000
mul %r1, %r2
add %r0, %r1
ldxb %r0, [%r0+0]
exit
out:
mov %r0, 0
exit
