# guest_printk_rodata_string.s - accepted: a guest prints a constant string of its .rodata with %s.
# ctx: xdp
# class: guest
# maps: array:4:32:1:ro
# data: 0 %s %u\n\0\0hello
# refval: 0 0 0
# refval: 2 0 8
lddw %r1, 0
lddw %r3, 0
mov %r2, 7
mov %r4, 42
call 6
mov %r0, 2
exit
