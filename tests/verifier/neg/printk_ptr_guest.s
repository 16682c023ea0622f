# printk_ptr_guest.s - rejected: guests pass no pointer to trace_printk's values.
# ctx: xdp
# rule: guests pass no pointer to trace_printk's values
# expect: leaks addr into helper
# policy: root may print pointers
# class: guest
stdw [%r10-8], 0
mov %r1, %r10
add %r1, -8
mov %r2, 8
mov %r3, %r10
call 6
mov %r0, 0
exit
