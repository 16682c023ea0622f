# bounds_movsx_neg.s - rejected: a sign-extended byte used as an unsigned index.
# ctx: xdp
# rule: sign-extension bounds
# expect: min value is outside of the allowed memory range
# maps: array:4:256:1
# refval: 0 0 0
lddw %r0, 0
ldxb %r1, [%r0+0]
movsx864 %r1, %r1
add %r0, %r1
ldxb %r0, [%r0+0]
exit
