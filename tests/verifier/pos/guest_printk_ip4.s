# guest_printk_ip4.s - accepted: a guest prints an IPv4 address from its stack with %pI4, and a number.
# ctx: xdp
# class: guest
# maps: array:4:32:1:ro
# data: 0 src %pI4 len %u
# refval: 1 0 0
stw [%r10-4], 0x0100000a
lddw %r1, 0
mov %r2, 18
mov %r3, %r10
add %r3, -4
mov %r4, 60
call 6
mov %r0, 2
exit
