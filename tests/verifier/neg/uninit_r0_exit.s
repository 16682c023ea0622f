# uninit_r0_exit.s - rejected: r0 must be written before exit.
# ctx: xdp
# rule: r0 must be written before exit
# expect: R0 !read_ok
exit
