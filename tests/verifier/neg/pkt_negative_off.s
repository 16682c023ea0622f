# pkt_negative_off.s - rejected: no access before the packet start.
# ctx: xdp
# rule: no access before the packet start
# expect: invalid access to packet
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r4, %r2
add %r4, 8
jgt %r4, %r3, out
ldxb %r0, [%r2-1]
exit
out:
mov %r0, 1
exit
