# map_array_zero_key_one_path.s - rejected: a key zeroed on one path only, used without a NULL check.
# ctx: xdp
# rule: a key known on every path
# maps: array:4:8:4
# ref: 7 0
# expect: map_value_or_null
stw [%r10-4], 2
ldxw %r1, [%r1+16]
jeq %r1, 0, +1
stw [%r10-4], 0
mov %r2, %r10
add %r2, -4
mov %r6, 0
lddw %r1, 0
call 1
ldxdw %r0, [%r0+0]
exit
