# atomic_misaligned.s - rejected: atomics are aligned.
# ctx: xdp
# rule: atomics are aligned
# expect: misaligned
stdw [%r10-16], 0
stdw [%r10-8], 0
mov %r2, 1
lock add [%r10-12], %r2
mov %r0, 0
exit
