# stack_spill_half_overwrite_use.s - rejected: a spilled pointer partly overwritten, then used as a pointer.
# ctx: xdp
# rule: a partly overwritten spill is no pointer
# expect: invalid mem access 'scalar'
stxdw [%r10-8], %r1
stb [%r10-8], 0
ldxdw %r2, [%r10-8]
ldxw %r0, [%r2+0]
exit
