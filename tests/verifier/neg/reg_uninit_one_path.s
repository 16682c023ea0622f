# reg_uninit_one_path.s - rejected: r2 written on one path only.
# ctx: xdp
# rule: registers are written on every path before a read
# expect: R2 !read_ok
ldxw %r3, [%r1+16]
jeq %r3, 0, +1
mov %r2, 5
mov %r0, %r2
exit
