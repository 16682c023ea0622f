# guest_ringbuf_output_unwritten.s - accepted: a guest's ringbuf_output data is never-written stack: it emits zeros.
# Never-written stack reads as zero: the verifier accepts the read (as the kernel does for
# root) and the engines zero each frame of such a program (docs/verifier.md, guest policy 2).
# ctx: xdp
# class: guest
# maps: ringbuf:0:0:4096
# ref: 2 0
mov %r2, %r10
add %r2, -16
lddw %r1, 0
mov %r3, 16
mov %r4, 0
call 130
mov %r0, 0
exit
