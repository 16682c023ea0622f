# map_value_oob.s - rejected: map value accesses fit the value.
# ctx: xdp
# rule: map value accesses fit the value
# expect: invalid access to map value
# maps: array:4:8:1
# ref: 3 0
stw [%r10-4], 0
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
jeq %r0, 0, out
ldxdw %r0, [%r0+4]
exit
out:
mov %r0, 0
exit
