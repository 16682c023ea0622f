# reg_uninit_cond.s - rejected: a comparison of a register never written.
# ctx: xdp
# rule: registers are read only once written
# expect: R3 !read_ok
mov %r0, 0
jeq %r3, 0, +1
mov %r0, 1
exit
