# pkt_jlt.s - accepted: pkt' < end proves off+1 bytes.
# ctx: xdp
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r4, %r2
add %r4, 8
jlt %r4, %r3, ok
mov %r0, 1
exit
ok:
ldxw %r0, [%r2+4]
ldxb %r0, [%r2+8]
exit
