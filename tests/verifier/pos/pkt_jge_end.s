# pkt_jge_end.s - accepted: end >= pkt'.
# ctx: xdp
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r4, %r2
add %r4, 8
jge %r3, %r4, ok
mov %r0, 1
exit
ok:
ldxdw %r0, [%r2+0]
mov %r0, 2
exit
