# struct_combined_stack_round.s - rejected: frames of 264 and 248 bytes: 528 once each is rounded up to 16 bytes as the kernel counts them.
# ctx: xdp
# rule: frames are counted rounded up as the kernel counts them
# expect: combined stack size
stdw [%r10-264], 0
call local f
mov %r0, 0
exit
f:
stdw [%r10-248], 0
mov %r0, 0
exit
