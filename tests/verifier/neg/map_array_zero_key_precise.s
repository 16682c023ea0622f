# map_array_zero_key_precise.s - rejected: a key register 0 on one path and 5 on the other, joined before the store: the zero must be precise.
# ctx: xdp
# rule: precision follows the key through the stack
# maps: array:4:8:4
# ref: 7 0
# expect: map_value_or_null
ldxw %r6, [%r1+16]
mov %r7, 0
jne %r6, 0, join
mov %r7, 5
join:
stxw [%r10-4], %r7
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
ldxdw %r0, [%r0+0]
exit
