# map_arg_not_map.s - rejected: a map argument is a map reference.
# ctx: xdp
# rule: a map argument is a map reference
# expect: expected=map_ptr
stw [%r10-4], 0
mov %r2, %r10
add %r2, -4
mov %r1, 0
call 1
mov %r0, 0
exit
