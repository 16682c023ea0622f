# cb_ret_unknown.s - rejected: a callback returns its loop index.
# ctx: xdp
# rule: callbacks return 0 or 1
# expect: should have been in [0, 1]
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
cb:
mov %r0, %r1
exit
