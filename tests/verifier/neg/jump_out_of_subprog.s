# jump_out_of_subprog.s - rejected: no jumps between functions.
# ctx: xdp
# rule: no jumps between functions
# expect: jump out of range
call local f
mov %r0, 0
exit
f:
ja +0
ja -4
exit
