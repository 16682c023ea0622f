# struct_jump_past_end.s - rejected: a jump leaves the program.
# ctx: xdp
# rule: jumps stay inside the program
# expect: jump out of range
mov %r0, 0
jeq %r1, 0, +5
exit
