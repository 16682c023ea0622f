# guest_printk_spilled_string.s - accepted: a guest prints a string built in a register and spilled (its high bytes are the NUL).
# ctx: xdp
# class: guest
# maps: array:4:32:1:ro
# data: 0 dev %s\n
# refval: 2 0 0
mov %r1, 0x30687465
stxdw [%r10-8], %r1
lddw %r1, 0
mov %r2, 8
mov %r3, %r10
add %r3, -8
call 6
mov %r0, 2
exit
