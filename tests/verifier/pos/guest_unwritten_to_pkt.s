# guest_unwritten_to_pkt.s - accepted: a guest copies never-written stack bytes into the packet: zeros, never host bytes.
# Never-written stack reads as zero: the verifier accepts the read (as the kernel does for
# root) and the engines zero each frame of such a program (docs/verifier.md, guest policy 2).
# ctx: xdp
# class: guest
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r4, %r2
add %r4, 8
jgt %r4, %r3, out
ldxdw %r5, [%r10-8]
stxdw [%r2+0], %r5
out:
mov %r0, 3
exit
