# stack_unwritten_read.s - accepted: a load of never-written stack returns zero in every engine.
# Never-written stack reads as zero: the verifier accepts the read (as the kernel does for
# root) and the engines zero each frame of such a program (docs/verifier.md, guest policy 2).
# ctx: xdp
# retval: 0
ldxdw %r0, [%r10-8]
exit
