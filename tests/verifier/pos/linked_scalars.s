# linked_scalars.s - accepted: a check on a copy bounds the original.
# ctx: xdp
# maps: array:4:16:1
# ref: 3 0
stw [%r10-4], 0
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
jeq %r0, 0, out
ldxdw %r1, [%r0+0]
mov %r2, %r1
jgt %r2, 15, out
add %r0, %r1
ldxb %r0, [%r0+0]
exit
out:
mov %r0, 0
exit
