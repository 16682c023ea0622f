# map_value_after_or_add_neg.s - rejected: a map value pointer moved before its start, then read.
# ctx: xdp
# rule: map value accesses start inside
# expect: min value is outside of the allowed memory range
# maps: array:4:16:1
# refval: 0 0 0
lddw %r1, 0
add %r1, -8
ldxdw %r0, [%r1+0]
exit
