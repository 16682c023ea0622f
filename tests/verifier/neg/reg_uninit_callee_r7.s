# reg_uninit_callee_r7.s - rejected: a callee reads r7, which it did not write.
# ctx: xdp
# rule: callee-saved registers start unwritten in a callee
# expect: R7 !read_ok
mov %r7, 1
call local f
exit
f:
mov %r0, %r7
exit
