# tail_index_uninit.s - rejected: a tail call with its index never written.
# ctx: xdp
# rule: arguments are initialised
# maps: prog_array:4:4:4
# ref: 0 0
# expect: R3 !read_ok
lddw %r2, 0
call 12
mov %r0, 2
exit
