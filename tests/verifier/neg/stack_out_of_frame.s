# stack_out_of_frame.s - rejected: the frame is 512 bytes.
# ctx: xdp
# rule: the frame is 512 bytes
# expect: invalid write to stack
stdw [%r10-520], 1
mov %r0, 0
exit
