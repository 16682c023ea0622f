# stack_above_fp.s - rejected: nothing above the frame pointer.
# ctx: xdp
# rule: nothing above the frame pointer
# expect: invalid write to stack
stdw [%r10+0], 1
mov %r0, 0
exit
