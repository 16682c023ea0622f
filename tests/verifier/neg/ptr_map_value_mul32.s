# ptr_map_value_mul32.s - rejected: 32-bit multiply on a map value pointer.
# ctx: xdp
# rule: no 32-bit arithmetic on pointers
# expect: 32-bit pointer arithmetic prohibited
# maps: array:4:8:1
# refval: 0 0 0
lddw %r1, 0
mul32 %r1, 2
mov %r0, 0
exit
