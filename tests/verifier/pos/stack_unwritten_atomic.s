# stack_unwritten_atomic.s - accepted: an atomic add on never-written stack: it reads (and adds to) zero.
# Never-written stack reads as zero: the verifier accepts the read (as the kernel does for
# root) and the engines zero each frame of such a program (docs/verifier.md, guest policy 2).
# ctx: xdp
mov %r2, 1
lock add [%r10-8], %r2
mov %r0, 0
exit
