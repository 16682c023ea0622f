# cb_ret_pointer.s - rejected: a callback returns a pointer.
# ctx: xdp
# rule: callbacks return 0 or 1
# expect: At callback return the register R0 is not a known value
# func: 0 8
lddw %r2, 0
mov %r1, 4
mov %r3, 0
mov %r4, 0
call 181
mov %r0, 0
exit
cb:
mov %r0, %r10
exit
