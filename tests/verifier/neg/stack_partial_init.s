# stack_partial_init.s - rejected: every byte read must be written.
# ctx: xdp
# rule: every byte read must be written
# expect: invalid read from stack
# policy: the kernel lets root read uninitialised stack
stw [%r10-8], 1
ldxdw %r0, [%r10-8]
exit
