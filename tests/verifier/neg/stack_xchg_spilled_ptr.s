# stack_xchg_spilled_ptr.s - rejected: an exchange of a spilled pointer slot hands the pointer out and a scalar in.
# ctx: xdp
# rule: no pointer becomes a scalar
# policy: root may turn a spilled pointer into a number through an atomic
# expect: atomic operation on a spilled pointer
stxdw [%r10-8], %r1
mov %r2, 0
lock xchg [%r10-8], %r2
mov %r0, %r2
exit
