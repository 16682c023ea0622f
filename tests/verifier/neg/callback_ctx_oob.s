# callback_ctx_oob.s - rejected: a callback's context is the caller's stack, bounded.
# ctx: xdp
# rule: a callback's context is the caller's stack, bounded
# expect: invalid write to stack
# func: 2 10
stdw [%r10-8], 0
mov %r3, %r10
lddw %r2, 0
add %r3, -8
mov %r1, 4
mov %r4, 0
call 181
mov %r0, 0
exit
stdw [%r2+8], 1
mov %r0, 0
exit
