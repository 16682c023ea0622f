# helper_printk_fmt_unwritten.s - accepted: trace_printk with a format on never-written stack (an empty string).
# Never-written stack reads as zero: the verifier accepts the read (as the kernel does for
# root) and the engines zero each frame of such a program (docs/verifier.md, guest policy 2).
# ctx: xdp
mov %r1, %r10
add %r1, -8
mov %r2, 8
call 6
mov %r0, 0
exit
