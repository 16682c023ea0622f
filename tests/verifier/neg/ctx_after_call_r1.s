# ctx_after_call_r1.s - rejected: the context in r1 read after a helper clobbered it.
# ctx: xdp
# rule: a helper call clobbers r1-r5
# expect: R1 !read_ok
call 7
ldxw %r0, [%r1+0]
exit
