# guest_printk_stale_unknown_fmt.s - rejected: a guest's format on the stack (unknown at load time) with r4 never written.
# ctx: xdp
# rule: with an unknown format, r3-r5 are initialised
# class: guest
# policy: the kernel reads r3-r5 of trace_printk unchecked
# expect: R4 !read_ok
stdw [%r10-8], 0x7825
mov %r1, %r10
add %r1, -8
mov %r2, 8
mov %r3, 1
call 6
mov %r0, 2
exit
