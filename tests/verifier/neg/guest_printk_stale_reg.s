# guest_printk_stale_reg.s - rejected: a guest prints r3 after a helper call clobbered it: the engine would show a stale host value.
# ctx: xdp
# rule: every argument the format consumes is initialised
# class: guest
# policy: the kernel reads r3-r5 of trace_printk unchecked
# maps: array:4:32:1:ro
# data: 0 %lx
# refval: 1 0 0
# expect: R3 !read_ok
call 7
lddw %r1, 0
mov %r2, 4
call 6
mov %r0, 2
exit
