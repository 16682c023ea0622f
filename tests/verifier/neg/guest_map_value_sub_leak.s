# guest_map_value_sub_leak.s - rejected: a guest subtracts two hash map values (different elements): their distance is host heap layout.
# ctx: xdp
# rule: no pointer becomes a scalar
# class: guest
# policy: root may subtract pointers
# maps: hash:4:8:16
# ref: 3 0
# ref: 11 0
# expect: pointer -= pointer prohibited
stw [%r10-4], 1
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
jeq %r0, 0, out
mov %r6, %r0
stw [%r10-4], 2
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
jeq %r0, 0, out
mov %r1, %r6
sub %r1, %r0
stxdw [%r0+0], %r1
out:
mov %r0, 0
exit
