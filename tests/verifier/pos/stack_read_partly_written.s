# stack_read_partly_written.s - accepted: an 8-byte load of a slot of which 4 bytes were written: the rest reads zero.
# Never-written stack reads as zero: the verifier accepts the read (as the kernel does for
# root) and the engines zero each frame of such a program (docs/verifier.md, guest policy 2).
# ctx: xdp
# retval: 1
stw [%r10-8], 1
ldxdw %r0, [%r10-8]
exit
