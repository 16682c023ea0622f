# cb_ctx_read_unwritten.s - accepted: a callback reads caller stack the caller never wrote.
# Never-written stack reads as zero: the verifier accepts the read (as the kernel does for
# root) and the engines zero each frame of such a program (docs/verifier.md, guest policy 2).
# ctx: xdp
# func: 2 10
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
