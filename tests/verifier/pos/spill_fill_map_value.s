# spill_fill_map_value.s - accepted: a map value pointer spilled across a helper call and filled.
# ctx: xdp
# maps: array:4:8:4
# ref: 3 0
stw [%r10-4], 1
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
jeq %r0, 0, out
stxdw [%r10-16], %r0
call 7
ldxdw %r1, [%r10-16]
stxdw [%r1+0], %r0
out:
mov %r0, 0
exit
