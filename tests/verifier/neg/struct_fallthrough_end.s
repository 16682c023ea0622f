# struct_fallthrough_end.s - rejected: the program falls off its end.
# ctx: xdp
# rule: the last instruction ends the program
# expect: last instruction is not an exit
mov %r0, 0
jeq %r1, 0, +1
exit
mov %r0, 1
