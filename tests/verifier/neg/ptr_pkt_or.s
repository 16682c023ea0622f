# ptr_pkt_or.s - rejected: a packet pointer or-ed with a constant.
# ctx: xdp
# rule: no bitwise ops on pointers
# expect: bitwise operator |= on pointer
ldxw %r2, [%r1+0]
or %r2, 1
mov %r0, 0
exit
