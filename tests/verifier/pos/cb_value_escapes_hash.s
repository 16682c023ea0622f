# cb_value_escapes_hash.s - accepted: a for_each_map_elem callback hands a hash value pointer to the caller, which writes through it after the helper returned (elements are reclaimed only between runs).
# ctx: xdp
# maps: hash:4:8:4
# ref: 0 0
# func: 2 16
lddw %r1, 0
lddw %r2, 0
stdw [%r10-8], 0
mov %r3, %r10
add %r3, -8
mov %r4, 0
call 164
ldxdw %r5, [%r10-8]
jeq %r5, 0, out
stdw [%r5+0], 7
mov %r0, 0
exit
out:
mov %r0, 0
exit
stxdw [%r4+0], %r3
mov %r0, 1
exit
