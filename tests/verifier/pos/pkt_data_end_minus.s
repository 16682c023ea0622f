# pkt_data_end_minus.s - accepted: the length from data_end - data bounds a variable packet offset.
# ctx: xdp
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r4, %r3
sub %r4, %r2
jlt %r4, 2, out
and %r4, 0x3ff
add %r4, -2
jsgt %r4, 1000, out
jslt %r4, 0, out
mov %r5, %r2
add %r5, %r4
mov %r6, %r5
add %r6, 2
jgt %r6, %r3, out
ldxh %r0, [%r5+0]
and %r0, 1
exit
out:
mov %r0, 2
exit
