# cb_ctx_read_uninit.s - rejected: a callback reads caller stack the caller never wrote.
# ctx: xdp
# rule: callback context bytes are initialised (guest policy)
# policy: the kernel lets root read uninitialised stack
# func: 2 10
# expect: invalid read from stack
stdw [%r10-8], 0
mov %r3, %r10
lddw %r2, 0
add %r3, -16
mov %r1, 4
mov %r4, 0
call 181
mov %r0, 0
exit
cb:
ldxdw %r0, [%r2+0]
mov %r0, 0
exit
