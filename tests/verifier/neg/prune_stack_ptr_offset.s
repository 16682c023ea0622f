# prune_stack_ptr_offset.s - rejected: a stack pointer at fp-8 on one path and fp-4 on the other, joined, then an 8-byte store.
# ctx: xdp
# rule: pruning compares pointer offsets
# expect: misaligned stack access
ldxw %r6, [%r1+16]
mov %r2, %r10
add %r2, -8
jeq %r6, 0, join
add %r2, 6
join:
stdw [%r2+0], 0
mov %r0, 0
exit
