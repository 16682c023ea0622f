# reg_uninit_store_src.s - rejected: a store from a register never written.
# ctx: xdp
# rule: registers are read only once written
# expect: R3 !read_ok
stxdw [%r10-8], %r3
mov %r0, 0
exit
