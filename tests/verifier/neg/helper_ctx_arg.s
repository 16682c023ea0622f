# helper_ctx_arg.s - rejected: ctx arguments are the context.
# ctx: xdp
# rule: ctx arguments are the context
# expect: expected=ctx
mov %r1, %r10
mov %r2, 0
call 44
mov %r0, 0
exit
