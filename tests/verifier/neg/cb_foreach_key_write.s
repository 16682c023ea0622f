# cb_foreach_key_write.s - rejected: a for_each_map_elem callback writes its key.
# ctx: xdp
# rule: a callback's key is read only
# maps: array:4:8:4
# ref: 0 0
# func: 2 9
# expect: cannot write into map key
lddw %r1, 0
lddw %r2, 0
mov %r3, 0
mov %r4, 0
call 164
mov %r0, 0
exit
stw [%r2+0], 1
mov %r0, 0
exit
