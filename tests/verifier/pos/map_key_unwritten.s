# map_key_unwritten.s - accepted: a lookup with a never-written key (all zero).
# Never-written stack reads as zero: the verifier accepts the read (as the kernel does for
# root) and the engines zero each frame of such a program (docs/verifier.md, guest policy 2).
# ctx: xdp
# maps: hash:4:8:16
# ref: 2 0
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
mov %r0, 0
exit
