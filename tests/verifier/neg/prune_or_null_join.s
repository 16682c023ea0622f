# prune_or_null_join.s - rejected: a map value checked on one path, unchecked on the other, joined and dereferenced.
# ctx: xdp
# rule: pruning keeps NULL-ness
# maps: hash:4:8:16
# ref: 3 0
# expect: map_value_or_null
stw [%r10-4], 0
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
ldxw %r6, [%r10-4]
mov %r7, %r0
jeq %r6, 0, join
jeq %r7, 0, out
join:
ldxdw %r0, [%r7+0]
exit
out:
mov %r0, 0
exit
