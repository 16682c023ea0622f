# map_value_write_oob.s - rejected: a 4-byte store at value_size-2.
# ctx: xdp
# rule: map value stores fit the value
# maps: array:4:8:1
# ref: 3 0
# expect: invalid access to map value
stw [%r10-4], 0
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
jeq %r0, 0, out
stw [%r0+6], 1
out:
mov %r0, 0
exit
