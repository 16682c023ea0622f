# map_array_const_key_oob.s - rejected: an array lookup with constant key 4 in a 4-entry array can miss, so its result must be NULL-checked.
# ctx: xdp
# rule: only a constant key below max_entries makes an array lookup non-NULL
# expect: invalid mem access 'map_value_or_null'
# maps: array:4:8:4
# ref: 3 0
stw [%r10-8], 4
mov %r2, %r10
add %r2, -8
lddw %r1, 0
call 1
ldxdw %r0, [%r0+0]
exit
