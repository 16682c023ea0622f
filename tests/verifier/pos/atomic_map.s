# atomic_map.s - accepted: atomics on a map value.
# ctx: xdp
# maps: array:4:8:1
# ref: 3 0
stw [%r10-4], 0
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
jeq %r0, 0, out
mov %r1, 1
lock add [%r0+0], %r1
out:
mov %r0, 0
exit
