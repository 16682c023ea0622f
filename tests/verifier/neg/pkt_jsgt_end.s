# pkt_jsgt_end.s - rejected: a signed comparison with the end.
# ctx: xdp
# rule: packet checks are unsigned
# expect: invalid access to packet
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r4, %r2
add %r4, 8
jsgt %r4, %r3, out
ldxb %r0, [%r2+0]
exit
out:
mov %r0, 2
exit
