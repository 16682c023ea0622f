# tailcall.s - accepted: tail call through a program array.
# ctx: xdp
# maps: prog_array:4:4:4
# ref: 1 0
mov %r3, 0
lddw %r2, 0
call 12
mov %r0, 2
exit
