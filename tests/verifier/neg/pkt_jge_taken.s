# pkt_jge_taken.s - rejected: pkt+8 >= end: the taken edge proves nothing.
# ctx: xdp
# rule: only the edge where the check holds gains range
# expect: invalid access to packet
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r4, %r2
add %r4, 8
jge %r4, %r3, in
mov %r0, 2
exit
in:
ldxb %r0, [%r2+0]
exit
