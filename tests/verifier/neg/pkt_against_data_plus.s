# pkt_against_data_plus.s - rejected: a packet pointer checked against data + 100 instead of data_end.
# ctx: xdp
# rule: ranges are proven against the packet end
# expect: invalid access to packet
ldxw %r2, [%r1+0]
mov %r3, %r2
add %r3, 100
mov %r4, %r2
add %r4, 8
jgt %r4, %r3, out
ldxdw %r0, [%r2+0]
exit
out:
mov %r0, 2
exit
