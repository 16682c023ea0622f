# pkt_other_id.s - rejected: a check of a variable-offset pointer does not cover the packet start.
# ctx: xdp
# rule: ranges belong to one pointer identity
# expect: invalid access to packet
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
ldxw %r5, [%r1+16]
and %r5, 15
mov %r4, %r2
add %r4, %r5
mov %r6, %r4
add %r6, 8
jgt %r6, %r3, out
ldxb %r0, [%r2+20]
exit
out:
mov %r0, 2
exit
