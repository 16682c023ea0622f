# map_value_neg.s - rejected: map value accesses start inside.
# ctx: xdp
# rule: map value accesses start inside
# expect: outside of the allowed memory range
# maps: array:4:8:1
# ref: 3 0
stw [%r10-4], 0
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
jeq %r0, 0, out
ldxb %r0, [%r0-1]
exit
out:
mov %r0, 0
exit
