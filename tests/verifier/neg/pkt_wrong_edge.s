# pkt_wrong_edge.s - rejected: only the edge where the check holds gains range.
# ctx: xdp
# rule: only the edge where the check holds gains range
# expect: invalid access to packet
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r4, %r2
add %r4, 14
jgt %r4, %r3, out
mov %r0, 2
exit
out:
ldxb %r0, [%r2+0]
exit
