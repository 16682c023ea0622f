# prune_const_key_paths.s - rejected: one path stores key 1, the other key 9 (of 4 entries); where they meet, the first must not cover the second.
# ctx: xdp
# rule: a narrow constant covers, in state pruning, only the same value
# expect: invalid mem access 'map_value_or_null'
# maps: array:4:8:4
# ref: 7 0
ldxw %r3, [%r1+16]
jne %r3, 0, +2
stw [%r10-8], 1
ja +1
stw [%r10-8], 9
mov %r2, %r10
add %r2, -8
lddw %r1, 0
call 1
ldxdw %r0, [%r0+0]
exit
