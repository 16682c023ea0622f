# prune_unwritten_vs_invalidated.s - rejected: a packet pointer spilled and then invalidated by adjust_head still holds its address: a path that reads it must not be pruned by one that left the slot unwritten.
# ctx: xdp
# rule: a slot whose pointer was invalidated stays unreadable; never-written stack does not cover it
# policy: the kernel turns an invalidated spilled packet pointer into an unknown number for root
# expect: a pointer there was invalidated
mov %r6, %r1
ldxw %r2, [%r1+16]
jne %r2, 0, +2
ldxdw %r0, [%r10-8]
exit
ldxw %r3, [%r6+0]
stxdw [%r10-8], %r3
mov %r1, %r6
mov %r2, 0
call 44
ja -8
