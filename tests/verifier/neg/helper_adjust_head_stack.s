# helper_adjust_head_stack.s - rejected: adjust_head given a stack pointer instead of the context.
# ctx: xdp
# rule: ctx arguments are the context
# expect: expected=ctx
mov %r1, %r10
mov %r2, 4
call 44
mov %r0, 0
exit
