# ptr_map_value_huge.s - rejected: a map value pointer moved 2^30 bytes.
# ctx: xdp
# rule: pointer offsets stay within 2^29
# maps: array:4:8:1
# refval: 0 0 0
# expect: makes map_value pointer be out of bounds
lddw %r1, 0
mov %r2, 0x40000000
add %r1, %r2
mov %r0, 0
exit
