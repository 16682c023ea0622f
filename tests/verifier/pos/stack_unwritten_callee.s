# stack_unwritten_callee.s - accepted: a callee reads its own frame before writing it: zero, not what the caller's frame or an earlier call left.
# Never-written stack reads as zero: the verifier accepts the read (as the kernel does for
# root) and the engines zero each frame of such a program (docs/verifier.md, guest policy 2).
# ctx: xdp
# retval: 0
stdw [%r10-8], 1
call local f
exit
f:
ldxdw %r0, [%r10-8]
exit
