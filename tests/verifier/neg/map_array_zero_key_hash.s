# map_array_zero_key_hash.s - rejected: a hash lookup with a zero key still may miss.
# ctx: xdp
# rule: only array lookups with a known in-range key cannot miss
# maps: hash:4:8:4
# ref: 4 0
# expect: map_value_or_null
mov %r1, 0
stxw [%r10-4], %r1
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
ldxdw %r0, [%r0+0]
exit
