# pkt_jle_end_first.s - rejected: end <= pkt+8: the taken edge proves nothing.
# ctx: xdp
# rule: only the edge where the check holds gains range
# expect: invalid access to packet
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r4, %r2
add %r4, 8
jle %r3, %r4, in
mov %r0, 2
exit
in:
ldxb %r0, [%r2+0]
exit
