# stack_atomic_add_spilled_ptr_leak.s - rejected: an atomic add of 0 on a spilled stack pointer, then the slot read back as a number.
# ctx: xdp
# rule: no pointer becomes a scalar
# policy: root may turn a spilled pointer into a number through an atomic
# expect: atomic operation on a spilled pointer
stxdw [%r10-8], %r10
mov %r1, 0
lock add [%r10-8], %r1
ldxdw %r0, [%r10-8]
exit
