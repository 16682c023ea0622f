# pkt_len_sub.s - accepted: data_end - data is a scalar.
# ctx: xdp
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
sub %r3, %r2
mov %r0, %r3
exit
