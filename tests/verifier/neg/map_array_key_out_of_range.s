# map_array_key_out_of_range.s - rejected: an array lookup with a constant key past max_entries, used without a NULL check.
# ctx: xdp
# rule: a constant key out of range misses
# maps: array:4:8:4
# ref: 3 0
# expect: map_value_or_null
stw [%r10-4], 4
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
ldxdw %r0, [%r0+0]
exit
