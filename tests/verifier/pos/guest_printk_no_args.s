# guest_printk_no_args.s - accepted: a guest prints a constant message: r3-r5 are not consumed, so may be unwritten.
# ctx: xdp
# class: guest
# maps: array:4:32:1:ro
# data: 0 hello\n
# refval: 0 0 0
lddw %r1, 0
mov %r2, 7
call 6
mov %r0, 2
exit
