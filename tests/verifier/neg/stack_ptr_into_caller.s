# stack_ptr_into_caller.s - rejected: a callee stores a pointer to its own frame into the caller's frame.
# ctx: xdp
# rule: a frame's address does not outlive it
# expect: cannot spill pointers to stack into stack frame of the caller
mov %r1, %r10
add %r1, -8
stdw [%r10-8], 0
call local f
mov %r0, 0
exit
f:
mov %r2, %r10
add %r2, -8
stdw [%r10-8], 0
stxdw [%r1+0], %r2
mov %r0, 0
exit
