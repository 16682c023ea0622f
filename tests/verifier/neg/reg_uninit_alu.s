# reg_uninit_alu.s - rejected: arithmetic on a register never written.
# ctx: xdp
# rule: registers are read only once written
# expect: R6 !read_ok
mov %r0, 1
add %r0, %r6
exit
