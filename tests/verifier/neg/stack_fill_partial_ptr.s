# stack_fill_partial_ptr.s - rejected: a spilled pointer is filled whole.
# ctx: xdp
# rule: a spilled pointer is filled whole
# expect: invalid size of register fill
stxdw [%r10-8], %r1
ldxw %r0, [%r10-8]
exit
