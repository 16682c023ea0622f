# map_array_key_unaligned.s - rejected: an array lookup with key 3 stored at fp-4 (not a spill slot), used without a NULL check.
# ctx: xdp
# rule: a key not known constant may miss
# maps: array:4:8:4
# ref: 3 0
# expect: map_value_or_null
stw [%r10-4], 3
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
ldxdw %r0, [%r0+0]
exit
