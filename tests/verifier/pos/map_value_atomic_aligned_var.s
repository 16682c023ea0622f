# map_value_atomic_aligned_var.s - accepted: an atomic add at a variable, 8-aligned map value offset.
# ctx: xdp
# maps: array:4:64:1
# refval: 0 0 0
lddw %r1, 0
ldxw %r2, [%r1+0]
and %r2, 7
lsh %r2, 3
add %r1, %r2
mov %r3, 1
lock add [%r1+0], %r3
mov %r0, 0
exit
