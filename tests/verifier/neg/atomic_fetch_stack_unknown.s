# atomic_fetch_stack_unknown.s - rejected: a fetch_add on a slot holding a number from the packet fetches that unknown number, which cannot address the stack.
# ctx: xdp
# rule: what an atomic fetches is what the slot held
# expect: invalid unbounded variable-offset write to stack
ldxw %r3, [%r1+16]
stxdw [%r10-8], %r3
stdw [%r10-16], 0
mov %r1, 5
lock fetch add [%r10-8], %r1
mov %r2, %r10
add %r2, -16
add %r2, %r1
stb [%r2+0], 7
mov %r0, 0
exit
