# stack_fill_straddle.s - rejected: a fill at fp-12 of 8 bytes straddles a spilled pointer.
# ctx: xdp
# rule: spilled pointers are filled whole
# expect: misaligned stack access
stdw [%r10-16], 0
stxdw [%r10-8], %r1
ldxdw %r0, [%r10-12]
exit
