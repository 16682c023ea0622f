# guest_printk_string_no_nul.s - rejected: a guest's %s string fills its stack to the frame pointer with no NUL.
# ctx: xdp
# rule: a %s string ends in proven memory
# class: guest
# policy: root may print any memory
# maps: array:4:32:1:ro
# data: 0 dev %s
# refval: 1 0 0
# expect: no proven NUL
stw [%r10-8], 0x30687465
lddw %r1, 0
stw [%r10-4], 0x31313131
mov %r2, 7
mov %r3, %r10
add %r3, -8
call 6
mov %r0, 2
exit
