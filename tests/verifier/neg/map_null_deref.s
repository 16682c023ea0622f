# map_null_deref.s - rejected: a lookup result is NULL-checked first.
# ctx: xdp
# rule: a lookup result is NULL-checked first
# expect: map_value_or_null
# maps: hash:4:8:16
# ref: 2 0
stw [%r10-4], 0
mov %r2, %r10
lddw %r1, 0
add %r2, -4
call 1
ldxdw %r0, [%r0+0]
exit
