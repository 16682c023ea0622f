# cb_ctx_null_deref.s - rejected: a callback dereferences its context when the caller passed NULL.
# ctx: xdp
# rule: a NULL callback context is a scalar
# func: 0 8
# expect: invalid mem access 'scalar'
lddw %r2, 0
mov %r1, 4
mov %r3, 0
mov %r4, 0
call 181
mov %r0, 0
exit
cb:
ldxdw %r0, [%r2+0]
mov %r0, 0
exit
