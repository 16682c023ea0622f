# guest_printk_ptr_number.s - rejected: a guest prints a stack pointer with %d (the format in .rodata).
# ctx: xdp
# rule: guests print no pointer value
# class: guest
# policy: root may print pointers
# maps: array:4:16:1:ro
# data: 0 ptr %d\n
# refval: 0 0 0
# expect: leaks addr into helper
lddw %r1, 0
mov %r2, 8
mov %r3, %r10
call 6
mov %r0, 0
exit
