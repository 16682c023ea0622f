# callback_not_func.s - rejected: callbacks are functions.
# ctx: xdp
# rule: callbacks are functions
# expect: expected=func
mov %r1, 4
mov %r2, 0
mov %r3, 0
mov %r4, 0
call 181
mov %r0, 0
exit
