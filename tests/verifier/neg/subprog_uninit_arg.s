# subprog_uninit_arg.s - rejected: a callee reads only what it was given.
# ctx: xdp
# rule: a callee reads only what it was given
# expect: R0 !read_ok
call local f
exit
f:
exit
