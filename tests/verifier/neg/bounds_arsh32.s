# bounds_arsh32.s - rejected: a 32-bit arithmetic shift of a possibly negative low half.
# ctx: xdp
# rule: arithmetic shift bounds
# expect: unbounded memory access
# maps: array:4:16:1
# refval: 0 0 0
lddw %r0, 0
ldxw %r1, [%r0+0]
arsh32 %r1, 28
add %r0, %r1
ldxb %r0, [%r0+0]
exit
