# pkt_end_deref.s - rejected: the packet end is not memory.
# ctx: xdp
# rule: the packet end is not memory
# expect: invalid mem access 'pkt_end'
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
ldxb %r0, [%r3+0]
exit
