# map_hash_no_check.s - rejected: a hash lookup used without a NULL check.
# ctx: xdp
# rule: a lookup result is NULL-checked first
# maps: hash:4:8:16
# ref: 3 0
# expect: map_value_or_null
stw [%r10-4], 0
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
ldxdw %r0, [%r0+0]
exit
