# tail_call_r1_after.s - rejected: r1 read after a failed tail call.
# ctx: xdp
# rule: a helper call clobbers r1-r5
# maps: prog_array:4:4:4
# ref: 2 0
# expect: R1 !read_ok
mov %r6, %r1
mov %r3, 0
lddw %r2, 0
call 12
ldxw %r0, [%r1+0]
exit
