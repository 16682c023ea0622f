# atomic_fetch_stack_known.s - accepted: an xchg on a zeroed stack slot fetches the known zero (the kernel reads it so), good enough to address the stack with.
# ctx: xdp
# retval: 7
stdw [%r10-8], 0
stdw [%r10-16], 0
mov %r1, 5
lock xchg [%r10-8], %r1
mov %r2, %r10
add %r2, -16
add %r2, %r1
stb [%r2+0], 7
ldxb %r0, [%r10-16]
exit
