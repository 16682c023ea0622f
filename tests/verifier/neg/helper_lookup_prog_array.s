# helper_lookup_prog_array.s - rejected: map_lookup_elem on a program array.
# ctx: xdp
# rule: helpers take the map types they accept
# maps: prog_array:4:4:4
# ref: 3 0
# expect: does not take this map type
stw [%r10-4], 0
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
mov %r0, 0
exit
