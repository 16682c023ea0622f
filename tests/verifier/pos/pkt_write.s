# pkt_write.s - accepted: XDP may write the packet.
# ctx: xdp
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r4, %r2
add %r4, 14
jgt %r4, %r3, out
sth [%r2+12], 8
out:
mov %r0, 2
exit
