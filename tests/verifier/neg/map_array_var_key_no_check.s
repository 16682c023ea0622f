# map_array_var_key_no_check.s - rejected: an array lookup with a key not known in range, used without a NULL check.
# ctx: xdp
# rule: a lookup with an unknown key may miss
# maps: array:4:8:4
# ref: 4 0
# expect: map_value_or_null
ldxw %r2, [%r1+16]
stxw [%r10-4], %r2
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
ldxdw %r0, [%r0+0]
exit
