# tailcall_wrong_map.s - rejected: tail calls go through program arrays.
# ctx: xdp
# rule: tail calls go through program arrays
# expect: not a program array
# maps: array:4:8:1
# ref: 1 0
mov %r3, 0
lddw %r2, 0
call 12
mov %r0, 0
exit
