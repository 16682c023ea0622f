# ptr_pkt_add32.s - rejected: 32-bit add on a packet pointer.
# ctx: xdp
# rule: no 32-bit arithmetic on pointers
# expect: 32-bit pointer arithmetic prohibited
ldxw %r2, [%r1+0]
add32 %r2, 4
mov %r0, 0
exit
