# guest_printk_stack_string.s - accepted: a guest prints a NUL-terminated string from its stack with %s.
# ctx: xdp
# class: guest
# maps: array:4:32:1:ro
# data: 0 dev %s\n
# refval: 2 0 0
stw [%r10-8], 0x30687465
stb [%r10-4], 0
lddw %r1, 0
mov %r2, 8
mov %r3, %r10
add %r3, -8
call 6
mov %r0, 2
exit
