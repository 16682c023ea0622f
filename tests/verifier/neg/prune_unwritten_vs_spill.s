# prune_unwritten_vs_spill.s - rejected: a path that spilled the context pointer where another path left the stack unwritten must not be pruned by that other path: the fill yields the pointer, which cannot be multiplied.
# ctx: xdp
# rule: never-written stack covers, in state pruning, only what reads as a number
# expect: pointer arithmetic with *= operator prohibited
ldxw %r2, [%r1+16]
jne %r2, 0, +3
ldxdw %r0, [%r10-8]
mul %r0, 3
exit
stxdw [%r10-8], %r1
ja -5
