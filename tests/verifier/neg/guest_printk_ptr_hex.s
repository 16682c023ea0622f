# guest_printk_ptr_hex.s - rejected: a guest prints a packet pointer with %lx.
# ctx: xdp
# rule: guests print no pointer value
# class: guest
# policy: root may print pointers
# maps: array:4:32:1:ro
# data: 0 p %lx
# refval: 1 0 0
# expect: leaks addr into helper
ldxw %r3, [%r1+0]
lddw %r1, 0
mov %r2, 6
call 6
mov %r0, 2
exit
