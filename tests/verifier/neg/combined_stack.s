# combined_stack.s - rejected: the deepest chain's stacks add up to 512 bytes.
# ctx: xdp
# rule: the deepest chain's stacks add up to 512 bytes
# expect: combined stack size
stdw [%r10-512], 0
call local f
mov %r0, 0
exit
f:
stdw [%r10-8], 0
mov %r0, 0
exit
