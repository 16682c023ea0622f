# guest_printk_percent_shift.s - rejected: a guest's %% shifts the conversions: the pointer meets %d, not %s.
# ctx: xdp
# rule: guests print no pointer value
# class: guest
# policy: root may print pointers
# maps: array:4:32:1:ro
# data: 0 %%s %d
# refval: 2 0 0
# expect: R3 leaks addr into helper
stw [%r10-8], 0x30687465
stb [%r10-4], 0
lddw %r1, 0
mov %r2, 7
mov %r3, %r10
add %r3, -8
call 6
mov %r0, 2
exit
