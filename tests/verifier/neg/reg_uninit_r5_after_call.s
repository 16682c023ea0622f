# reg_uninit_r5_after_call.s - rejected: r5 read after a helper call.
# ctx: xdp
# rule: a helper call clobbers r1-r5
# expect: R5 !read_ok
mov %r5, 1
call 7
mov %r0, %r5
exit
