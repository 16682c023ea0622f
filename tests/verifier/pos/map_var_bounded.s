# map_var_bounded.s - accepted: bounded variable offset into a value.
# ctx: xdp
# maps: array:4:64:1
# ref: 3 0
stw [%r10-4], 0
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
jeq %r0, 0, out
ldxw %r1, [%r0+0]
and %r1, 60
add %r0, %r1
ldxw %r0, [%r0+0]
exit
out:
mov %r0, 0
exit
