# prec_spilled_index.s - rejected: an index spilled before a join point decides an access after it.
# ctx: xdp
# rule: precision follows scalars through stack spills
# expect: invalid access to map value
# maps: array:4:16:1
# ref: 3 0
stw [%r10-4], 0
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
jeq %r0, 0, out
ldxw %r1, [%r0+4]
jeq %r1, 0, big
mov %r3, 4
stxdw [%r10-16], %r3
ja join
big:
mov %r3, 100
stxdw [%r10-16], %r3
join:
mov %r3, 0
ldxdw %r2, [%r10-16]
add %r0, %r2
ldxb %r0, [%r0+0]
exit
out:
mov %r0, 0
exit
