# stack_uninit_half.s - rejected: a 4-byte load of a slot of which other bytes were written.
# ctx: xdp
# rule: every byte read must be written (guest policy)
# policy: the kernel lets root read uninitialised stack
# expect: invalid read from stack
stw [%r10-8], 1
ldxw %r0, [%r10-4]
exit
