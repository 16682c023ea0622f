# pkt_no_check.s - rejected: packet reads need a proven range.
# ctx: xdp
# rule: packet reads need a proven range
# expect: invalid access to packet
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
ldxb %r0, [%r2+0]
exit
