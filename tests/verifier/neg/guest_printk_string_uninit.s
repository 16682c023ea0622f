# guest_printk_string_uninit.s - rejected: a guest's %s string has unwritten bytes before its NUL.
# ctx: xdp
# rule: a %s string is written memory
# class: guest
# policy: root may print any memory
# maps: array:4:32:1:ro
# data: 0 dev %s
# refval: 1 0 0
# expect: no proven NUL
stb [%r10-1], 0
lddw %r1, 0
mov %r2, 7
mov %r3, %r10
add %r3, -8
call 6
mov %r0, 2
exit
