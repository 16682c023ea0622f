# stack_narrow_const_fill.s - accepted: a 4-byte constant stored at the start of a slot reads back as that constant, good enough to address the stack with.
# ctx: xdp
# retval: 1
stdw [%r10-8], 0
stw [%r10-16], 4
ldxw %r1, [%r10-16]
mov %r2, %r10
add %r2, -8
add %r2, %r1
stb [%r2+0], 1
ldxb %r0, [%r10-4]
exit
