# guest_printk_ip6_unwritten.s - accepted: a guest prints 16 bytes with %pI6 of which 8 were never written (they print as zeros).
# Never-written stack reads as zero: the verifier accepts the read (as the kernel does for
# root) and the engines zero each frame of such a program (docs/verifier.md, guest policy 2).
# ctx: xdp
# class: guest
# maps: array:4:32:1:ro
# data: 0 %pI6
# refval: 1 0 0
stdw [%r10-8], 1
lddw %r1, 0
mov %r2, 5
mov %r3, %r10
add %r3, -16
call 6
mov %r0, 2
exit
