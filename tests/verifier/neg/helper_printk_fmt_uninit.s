# helper_printk_fmt_uninit.s - rejected: trace_printk with a format on unwritten stack.
# ctx: xdp
# rule: helper memory is initialised (guest policy)
# policy: the kernel lets root read uninitialised stack
# expect: invalid indirect read from stack
mov %r1, %r10
add %r1, -8
mov %r2, 8
call 6
mov %r0, 0
exit
