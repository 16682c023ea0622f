# prune_spilled_pkt_range2.s - rejected: as prune_spilled_pkt_range with the unchecked path explored second.
# ctx: xdp
# rule: pruning compares spilled packet ranges
# expect: invalid access to packet
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
ldxw %r6, [%r1+16]
jne %r6, 0, nocheck
mov %r4, %r2
add %r4, 8
jgt %r4, %r3, out
nocheck:
stxdw [%r10-8], %r2
mov %r0, 0
ldxdw %r5, [%r10-8]
ldxw %r0, [%r5+4]
exit
out:
mov %r0, 2
exit
