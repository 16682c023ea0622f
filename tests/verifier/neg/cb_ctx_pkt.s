# cb_ctx_pkt.s - rejected: bpf_loop's callback context is a packet pointer.
# ctx: xdp
# rule: a callback context is the caller's stack or NULL
# expect: R3 type=pkt expected=fp or NULL
# func: 1 8
ldxw %r3, [%r1+0]
lddw %r2, 0
mov %r1, 4
mov %r4, 0
call 181
mov %r0, 0
exit
cb:
mov %r0, 0
exit
