# null_check_copy.s - rejected: the NULL check of a copy covers the original only when it is one.
# ctx: xdp
# rule: the NULL check of a copy covers the original only when it is one
# expect: map_value_or_null
# maps: hash:4:8:16
# ref: 3 0
# ref: 10 0
stw [%r10-4], 0
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
mov %r6, %r0
stw [%r10-4], 0
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
jeq %r0, 0, out
ldxdw %r0, [%r6+0]
exit
out:
mov %r0, 0
exit
