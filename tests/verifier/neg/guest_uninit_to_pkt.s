# guest_uninit_to_pkt.s - rejected: a guest copies an unwritten stack byte into the packet.
# ctx: xdp
# rule: uninitialised stack never reaches anything the program emits
# class: guest
# policy: the kernel lets root read uninitialised stack
# expect: invalid read from stack
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
