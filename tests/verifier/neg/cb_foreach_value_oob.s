# cb_foreach_value_oob.s - rejected: a for_each_map_elem callback writes past the value.
# ctx: xdp
# rule: a callback's value is value_size bytes
# maps: array:4:8:4
# ref: 0 0
# func: 2 9
# expect: invalid access to map value
lddw %r1, 0
lddw %r2, 0
mov %r3, 0
mov %r4, 0
call 164
mov %r0, 0
exit
cb:
stdw [%r3+8], 0
mov %r0, 0
exit
