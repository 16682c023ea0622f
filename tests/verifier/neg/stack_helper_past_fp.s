# stack_helper_past_fp.s - rejected: a key at fp-2 with key_size 4 reaches past the frame pointer.
# ctx: xdp
# rule: helper memory stays in the frame
# maps: hash:4:8:16
# ref: 3 0
# expect: invalid indirect access to stack
stw [%r10-8], 0
mov %r2, %r10
add %r2, -2
lddw %r1, 0
call 1
mov %r0, 0
exit
