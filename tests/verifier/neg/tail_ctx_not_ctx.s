# tail_ctx_not_ctx.s - rejected: a tail call given a stack pointer as the context.
# ctx: xdp
# rule: tail calls pass the context
# maps: prog_array:4:4:4
# ref: 2 0
# expect: expected=ctx
mov %r1, %r10
mov %r3, 0
lddw %r2, 0
call 12
mov %r0, 2
exit
