# stack_unwritten_update_value.s - accepted: a map update's value from never-written stack.
# Never-written stack reads as zero: the verifier accepts the read (as the kernel does for
# root) and the engines zero each frame of such a program (docs/verifier.md, guest policy 2).
# ctx: xdp
# maps: hash:4:8:16
# ref: 5 0
stw [%r10-4], 0
mov %r2, %r10
add %r2, -4
mov %r3, %r10
add %r3, -16
lddw %r1, 0
mov %r4, 0
call 2
mov %r0, 0
exit
