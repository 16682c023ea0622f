# guest_printk_ctx_string.s - rejected: a guest prints the context with %s (it holds host pointers).
# ctx: xdp
# rule: a %s string is the program's own data
# class: guest
# policy: root may print any memory
# maps: array:4:32:1:ro
# data: 0 %s
# refval: 1 0 0
# expect: no proven NUL
mov %r3, %r1
lddw %r1, 0
mov %r2, 3
call 6
mov %r0, 2
exit
