# ptr_map_value_xor.s - rejected: a map value pointer xor-ed.
# ctx: xdp
# rule: no bitwise ops on pointers
# maps: array:4:8:1
# refval: 0 0 0
# expect: bitwise operator ^= on pointer
lddw %r1, 0
xor %r1, 5
mov %r0, 0
exit
