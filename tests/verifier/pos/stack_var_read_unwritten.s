# stack_var_read_unwritten.s - accepted: a variable-offset read over bytes not all written.
# Never-written stack reads as zero: the verifier accepts the read (as the kernel does for
# root) and the engines zero each frame of such a program (docs/verifier.md, guest policy 2).
# ctx: xdp
# retval: 0
stdw [%r10-8], 0
ldxw %r2, [%r1+16]
and %r2, 8
mov %r3, %r10
add %r3, -16
add %r3, %r2
ldxb %r0, [%r3+0]
exit
