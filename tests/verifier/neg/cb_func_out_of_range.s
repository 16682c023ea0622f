# cb_func_out_of_range.s - rejected: a callback reference past the program's end.
# ctx: xdp
# rule: callbacks are functions of the program
# func: 0 40
# expect: out of range
lddw %r2, 0
mov %r1, 4
mov %r3, 0
mov %r4, 0
call 181
mov %r0, 0
exit
