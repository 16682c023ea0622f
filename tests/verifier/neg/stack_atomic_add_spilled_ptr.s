# stack_atomic_add_spilled_ptr.s - rejected: an atomic add corrupts a spilled packet pointer, then it is filled and used.
# ctx: xdp
# rule: a spilled pointer is not modified in place
# expect: atomic operation on a spilled pointer
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r4, %r2
add %r4, 8
jgt %r4, %r3, out
stxdw [%r10-8], %r2
mov %r1, 4096
lock add [%r10-8], %r1
ldxdw %r2, [%r10-8]
ldxb %r0, [%r2+0]
exit
out:
mov %r0, 2
exit
