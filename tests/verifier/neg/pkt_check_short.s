# pkt_check_short.s - rejected: a 4-byte check, then an 8-byte load.
# ctx: xdp
# rule: a load must fit the proven range
# expect: invalid access to packet
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r4, %r2
add %r4, 4
jgt %r4, %r3, out
ldxdw %r0, [%r2+0]
exit
out:
mov %r0, 2
exit
