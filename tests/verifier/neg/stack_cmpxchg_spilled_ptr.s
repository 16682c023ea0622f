# stack_cmpxchg_spilled_ptr.s - rejected: a compare-exchange on a spilled pointer slot loads it into r0.
# ctx: xdp
# rule: no pointer becomes a scalar
# policy: root may turn a spilled pointer into a number through an atomic
# expect: atomic operation on a spilled pointer
stxdw [%r10-8], %r1
mov %r0, 0
mov %r2, 0
lock cmpxchg [%r10-8], %r2
exit
