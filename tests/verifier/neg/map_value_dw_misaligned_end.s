# map_value_dw_misaligned_end.s - rejected: an 8-byte load at value_size-4 (offset 8 of 12).
# ctx: xdp
# rule: map value accesses fit the value
# maps: array:4:12:1
# refval: 0 0 0
# expect: invalid access to map value
lddw %r1, 0
ldxdw %r0, [%r1+8]
exit
