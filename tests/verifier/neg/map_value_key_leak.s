# map_value_key_leak.s - rejected: map update values may not hold pointers.
# ctx: xdp
# rule: map update values may not hold pointers
# policy: root may store pointers (address leak)
# expect: leaks addr into helper
# maps: hash:4:8:16
# ref: 5 0
stw [%r10-4], 0
stxdw [%r10-16], %r10
mov %r2, %r10
add %r2, -4
mov %r3, %r10
lddw %r1, 0
add %r3, -16
mov %r4, 0
call 2
mov %r0, 0
exit
