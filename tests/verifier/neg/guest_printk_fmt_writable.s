# guest_printk_fmt_writable.s - rejected: a guest prints a pointer with a format in a writable map (unknown at load time).
# ctx: xdp
# rule: a pointer is printed only through a format known at load time
# class: guest
# policy: root may print pointers
# maps: array:4:32:1
# data: 0 dev %s
# refval: 2 0 0
# expect: the format is not read-only data
stw [%r10-8], 0x30687465
stb [%r10-4], 0
lddw %r1, 0
mov %r2, 7
mov %r3, %r10
add %r3, -8
call 6
mov %r0, 2
exit
