# stack_written_one_path.s - accepted: a slot written on one path only, read on both (rx_queue_index is 0 here: the unwritten path).
# Never-written stack reads as zero: the verifier accepts the read (as the kernel does for
# root) and the engines zero each frame of such a program (docs/verifier.md, guest policy 2).
# ctx: xdp
# retval: 0
ldxw %r2, [%r1+16]
jeq %r2, 0, +1
stdw [%r10-8], 7
ldxdw %r0, [%r10-8]
exit
