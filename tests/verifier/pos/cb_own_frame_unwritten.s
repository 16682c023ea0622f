# cb_own_frame_unwritten.s - accepted: a bpf_loop callback reads its own never-written frame and stores what it read into the caller's context: zero in every engine.
# Never-written stack reads as zero: the verifier accepts the read (as the kernel does for
# root) and the engines zero each frame of such a program (docs/verifier.md, guest policy 2).
# ctx: xdp
# retval: 0
# func: 3 10
stdw [%r10-8], 7
mov %r3, %r10
add %r3, -8
lddw %r2, 0
mov %r1, 1
mov %r4, 0
call 181
ldxdw %r0, [%r10-8]
exit
ldxdw %r0, [%r10-16]
stxdw [%r2+0], %r0
mov %r0, 0
exit
