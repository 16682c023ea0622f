# guest_printk_ip6_short.s - rejected: a guest prints 16 bytes with %pI6 from 8 written stack bytes.
# ctx: xdp
# rule: an address printed is written memory
# class: guest
# policy: root may print any memory
# maps: array:4:32:1:ro
# data: 0 %pI6
# refval: 1 0 0
# expect: invalid indirect read from stack
stdw [%r10-8], 1
lddw %r1, 0
mov %r2, 5
mov %r3, %r10
add %r3, -16
call 6
mov %r0, 2
exit
