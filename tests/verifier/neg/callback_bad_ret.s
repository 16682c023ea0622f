# callback_bad_ret.s - rejected: callbacks return 0 or 1.
# ctx: xdp
# rule: callbacks return 0 or 1
# expect: should have been in [0, 1]
# func: 0 8
lddw %r2, 0
mov %r1, 4
mov %r3, 0
mov %r4, 0
call 181
mov %r0, 0
exit
mov %r0, 7
exit
