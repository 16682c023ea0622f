# stack_misaligned.s - rejected: stack accesses are aligned.
# ctx: xdp
# rule: stack accesses are aligned
# expect: misaligned stack access
stdw [%r10-12], 1
mov %r0, 0
exit
