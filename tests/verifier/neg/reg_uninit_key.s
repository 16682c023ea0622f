# reg_uninit_key.s - rejected: a lookup's key register was never written.
# ctx: xdp
# rule: registers are read only once written
# maps: hash:4:8:16
# ref: 0 0
# expect: R2 !read_ok
lddw %r1, 0
call 1
mov %r0, 0
exit
