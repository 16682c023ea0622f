# helper_value_short.s - rejected: an update value of 4 bytes for an 8-byte value_size.
# ctx: xdp
# rule: helper values are value_size bytes
# maps: hash:4:8:16
# ref: 6 0
# expect: invalid indirect access to stack
stw [%r10-4], 0
mov %r2, %r10
add %r2, -4
mov %r3, %r10
add %r3, -4
stw [%r10-8], 0
lddw %r1, 0
mov %r4, 0
call 2
mov %r0, 0
exit
