# ptr_pkt_lsh.s - rejected: a packet pointer shifted left.
# ctx: xdp
# rule: only add/sub on pointers
# expect: pointer arithmetic with <<= operator
ldxw %r2, [%r1+0]
lsh %r2, 1
mov %r0, 0
exit
