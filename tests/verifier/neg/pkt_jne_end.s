# pkt_jne_end.s - rejected: pkt+8 != end proves nothing.
# ctx: xdp
# rule: equality with the end is not a range check
# expect: invalid access to packet
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r4, %r2
add %r4, 8
jne %r4, %r3, in
mov %r0, 2
exit
in:
ldxb %r0, [%r2+0]
exit
