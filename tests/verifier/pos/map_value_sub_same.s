# map_value_sub_same.s - accepted: two pointers into the same map value subtracted: a constant distance.
# ctx: xdp
# maps: array:4:16:1
# ref: 3 0
stw [%r10-4], 0
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
jeq %r0, 0, out
mov %r1, %r0
add %r1, 8
sub %r1, %r0
stxdw [%r0+0], %r1
out:
mov %r0, 0
exit
