# reg_uninit_base.s - rejected: a load through a register never written.
# ctx: xdp
# rule: registers are read only once written
# expect: R4 !read_ok
ldxw %r0, [%r4+0]
exit
