# map_spilled_or_null.s - rejected: a map value or NULL spilled and filled, then dereferenced.
# ctx: xdp
# rule: spills keep the NULL-ness
# maps: hash:4:8:16
# ref: 3 0
# expect: map_value_or_null
stw [%r10-4], 0
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
stxdw [%r10-16], %r0
ldxdw %r1, [%r10-16]
ldxdw %r0, [%r1+0]
exit
