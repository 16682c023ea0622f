# guest_printk_second_ptr_number.s - rejected: a guest prints a string, then a second pointer with %d.
# ctx: xdp
# rule: guests print no pointer value
# class: guest
# policy: root may print pointers
# maps: array:4:32:1:ro
# data: 0 %s %d
# refval: 2 0 0
# expect: R4 leaks addr into helper
stw [%r10-8], 0x30687465
stb [%r10-4], 0
lddw %r1, 0
mov %r2, 6
mov %r3, %r10
add %r3, -8
mov %r4, %r10
call 6
mov %r0, 2
exit
