# cb_foreach_key_oob.s - rejected: a for_each_map_elem callback reads past the key.
# ctx: xdp
# rule: a callback's key is key_size bytes
# expect: invalid access to map key
# maps: array:4:8:4
# ref: 0 0
# func: 2 9
lddw %r1, 0
lddw %r2, 0
mov %r3, 0
mov %r4, 0
call 164
mov %r0, 0
exit
cb:
ldxdw %r0, [%r2+0]
mov %r0, 0
exit
