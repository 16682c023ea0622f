# guest_printk_unused_ptr.s - rejected: a guest passes a pointer the format never uses.
# ctx: xdp
# rule: pointers reach trace_printk only through %s or %pI
# class: guest
# policy: root may pass pointers
# maps: array:4:32:1:ro
# data: 0 n %d
# refval: 0 0 0
# expect: R5 leaks addr into helper
lddw %r1, 0
mov %r2, 5
mov %r3, 1
mov %r5, %r10
call 6
mov %r0, 2
exit
