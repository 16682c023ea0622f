# guest_printk_ip6_pkt.s - accepted: a guest prints an IPv6 address from the packet with %pI6.
# ctx: xdp
# class: guest
# maps: array:4:32:1:ro
# data: 0 dst %pI6
# refval: 6 0 0
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r4, %r2
add %r4, 54
jgt %r4, %r3, out
mov %r3, %r2
lddw %r1, 0
add %r3, 38
mov %r2, 12
mov %r4, 0
call 6
out:
mov %r0, 2
exit
