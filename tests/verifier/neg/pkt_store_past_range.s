# pkt_store_past_range.s - rejected: a 4-byte store ending past the range.
# ctx: xdp
# rule: stores must fit the proven range
# expect: invalid access to packet
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r4, %r2
add %r4, 14
jgt %r4, %r3, out
stw [%r2+12], 0
out:
mov %r0, 2
exit
