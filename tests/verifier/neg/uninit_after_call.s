# uninit_after_call.s - rejected: a helper call clobbers r1-r5.
# ctx: xdp
# rule: a helper call clobbers r1-r5
# expect: R1 !read_ok
call 5
mov %r0, %r1
exit
