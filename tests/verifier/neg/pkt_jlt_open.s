# pkt_jlt_open.s - rejected: pkt < end proves off+1 bytes only.
# ctx: xdp
# rule: pkt < end proves off+1 bytes only
# expect: invalid access to packet
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r4, %r2
add %r4, 8
jlt %r4, %r3, ok
mov %r0, 1
exit
ok:
ldxw %r0, [%r2+6]
exit
