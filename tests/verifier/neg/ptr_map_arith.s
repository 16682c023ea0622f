# ptr_map_arith.s - rejected: arithmetic on a map reference.
# ctx: xdp
# rule: map references are not data pointers
# maps: array:4:8:1
# ref: 0 0
# expect: pointer arithmetic on map_ptr prohibited
lddw %r1, 0
add %r1, 8
mov %r0, 0
exit
