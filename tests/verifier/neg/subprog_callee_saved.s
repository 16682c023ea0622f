# subprog_callee_saved.s - rejected: r6 is not passed to a callee.
# ctx: xdp
# rule: r6 is not passed to a callee
# expect: R6 !read_ok
mov %r6, 1
call local f
mov %r0, 0
exit
f:
mov %r0, %r6
exit
