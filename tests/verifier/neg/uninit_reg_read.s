# uninit_reg_read.s - rejected: registers are read only once written.
# ctx: xdp
# rule: registers are read only once written
# expect: R3 !read_ok
mov %r0, %r3
exit
