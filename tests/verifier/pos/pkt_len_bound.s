# pkt_len_bound.s - accepted: the packet length (end - data) bounded and used as an index.
# ctx: xdp
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r4, %r3
sub %r4, %r2
jlt %r4, 64, out
and %r4, 31
add %r2, %r4
mov %r5, %r2
add %r5, 1
jgt %r5, %r3, out
ldxb %r0, [%r2+0]
and %r0, 1
exit
out:
mov %r0, 2
exit
