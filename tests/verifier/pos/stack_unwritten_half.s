# stack_unwritten_half.s - accepted: a 4-byte load of the half of a slot never written.
# Never-written stack reads as zero: the verifier accepts the read (as the kernel does for
# root) and the engines zero each frame of such a program (docs/verifier.md, guest policy 2).
# ctx: xdp
# retval: 0
stw [%r10-8], 1
ldxw %r0, [%r10-4]
exit
