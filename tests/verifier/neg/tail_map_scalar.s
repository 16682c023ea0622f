# tail_map_scalar.s - rejected: a tail call through a scalar instead of a program array.
# ctx: xdp
# rule: tail calls go through program arrays
# expect: expected=map_ptr
mov %r2, 0
mov %r3, 0
call 12
mov %r0, 2
exit
