# pkt_spilled_after_adjust.s - rejected: a packet pointer spilled before adjust_head is invalid when filled.
# ctx: xdp
# rule: helpers that move the packet invalidate spilled pointers too
# expect: invalid read from stack
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r6, %r1
mov %r4, %r2
add %r4, 8
jgt %r4, %r3, out
stxdw [%r10-8], %r2
mov %r1, %r6
mov %r2, 4
call 44
ldxdw %r7, [%r10-8]
ldxb %r0, [%r7+0]
exit
out:
mov %r0, 1
exit
