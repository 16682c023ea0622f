# prec_linked_scalars.s - rejected: a bound learnt through a linked copy depends on the other operand.
# ctx: xdp
# rule: precision follows scalars linked to a comparison's operands
# expect: invalid access to map value
# maps: array:4:16:1
# ref: 3 0
stw [%r10-4], 0
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
jeq %r0, 0, out
mov %r9, %r0
ldxw %r6, [%r0+0]
ldxw %r1, [%r0+4]
mov %r7, %r6
jeq %r1, 0, big
mov %r8, 4
ja join
big:
mov %r8, 100
join:
jgt %r6, %r8, out
add %r9, %r7
ldxb %r0, [%r9+0]
exit
out:
mov %r0, 0
exit
