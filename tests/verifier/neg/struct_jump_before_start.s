# struct_jump_before_start.s - rejected: a jump goes before the first instruction.
# ctx: xdp
# rule: jumps stay inside the program
# expect: jump out of range
mov %r0, 0
ja -3
exit
