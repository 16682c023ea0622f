# map_copy_null.s - accepted: NULL check of a copy marks every copy.
# ctx: xdp
# maps: array:4:8:1
# ref: 3 0
stw [%r10-4], 0
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
mov %r6, %r0
jne %r0, 0, ok
mov %r0, 0
exit
ok:
ldxdw %r0, [%r6+0]
exit
