# map_key_short.s - rejected: the key is key_size bytes.
# ctx: xdp
# rule: the key is key_size bytes
# expect: invalid indirect access to stack
# maps: hash:8:8:16
# ref: 3 0
stw [%r10-4], 0
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
mov %r0, 0
exit
