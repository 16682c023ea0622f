# spill_fill_ctx.s - accepted: the context spilled and filled, then read.
# ctx: xdp
stxdw [%r10-8], %r1
call 7
ldxdw %r1, [%r10-8]
ldxw %r0, [%r1+12]
exit
