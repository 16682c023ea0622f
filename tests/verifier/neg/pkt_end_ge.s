# pkt_end_ge.s - rejected: end >= pkt proves the range on the taken edge only.
# ctx: xdp
# rule: end >= pkt proves the range on the taken edge only
# expect: invalid access to packet
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r4, %r2
add %r4, 8
jge %r3, %r4, ok
ldxb %r0, [%r2+0]
exit
ok:
mov %r0, 1
exit
