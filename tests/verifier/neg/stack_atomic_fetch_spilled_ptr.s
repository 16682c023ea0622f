# stack_atomic_fetch_spilled_ptr.s - rejected: an atomic fetch-add on a slot holding a spilled pointer reads the pointer as a number.
# ctx: xdp
# rule: no pointer becomes a scalar
# policy: root may turn a spilled pointer into a number through an atomic
# expect: atomic operation on a spilled pointer
stxdw [%r10-8], %r10
mov %r1, 0
lock fetch add [%r10-8], %r1
mov %r0, %r1
exit
