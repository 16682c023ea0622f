# ptr_map_value_mod.s - rejected: a map value pointer taken modulo.
# ctx: xdp
# rule: only add/sub on pointers
# maps: array:4:8:1
# refval: 0 0 0
# expect: pointer arithmetic with %= operator
lddw %r1, 0
mod %r1, 8
mov %r0, 0
exit
