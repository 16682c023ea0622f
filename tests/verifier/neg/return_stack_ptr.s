# return_stack_ptr.s - rejected: a subprogram's frame dies with it.
# ctx: xdp
# rule: a subprogram's frame dies with it
# expect: cannot return stack pointer
call local f
mov %r0, 0
exit
f:
mov %r0, %r10
exit
