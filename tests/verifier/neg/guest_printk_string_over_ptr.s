# guest_printk_string_over_ptr.s - rejected: a guest's %s string runs into a spilled pointer.
# ctx: xdp
# rule: a %s string holds no pointer
# class: guest
# policy: root may print any memory
# maps: array:4:32:1:ro
# data: 0 dev %s
# refval: 2 0 0
# expect: no proven NUL
stxdw [%r10-8], %r1
stw [%r10-16], 0x41414141
lddw %r1, 0
stw [%r10-12], 0x41414141
mov %r2, 7
mov %r3, %r10
add %r3, -16
call 6
mov %r0, 2
exit
