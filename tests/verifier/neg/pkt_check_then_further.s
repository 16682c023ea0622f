# pkt_check_then_further.s - rejected: a 14-byte check, then a load at 12 of 4 bytes.
# ctx: xdp
# rule: a load must fit the proven range
# expect: invalid access to packet
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r4, %r2
add %r4, 14
jgt %r4, %r3, out
ldxw %r0, [%r2+12]
exit
out:
mov %r0, 2
exit
