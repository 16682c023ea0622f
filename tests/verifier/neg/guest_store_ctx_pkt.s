# guest_store_ctx_pkt.s - rejected: a guest writes the context pointer into the packet.
# ctx: xdp
# rule: no pointer reaches the packet
# class: guest
# policy: root may store pointers into the packet
# expect: leaks addr
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r4, %r2
add %r4, 8
jgt %r4, %r3, out
stxdw [%r2+0], %r1
out:
mov %r0, 2
exit
