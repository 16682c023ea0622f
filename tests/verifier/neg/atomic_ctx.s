# atomic_ctx.s - rejected: no atomics on the context.
# ctx: xdp
# rule: no atomics on the context
# expect: BPF_ATOMIC stores into R1
mov %r2, 1
lock add [%r1+0], %r2
mov %r0, 0
exit
