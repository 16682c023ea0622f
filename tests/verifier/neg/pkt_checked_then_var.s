# pkt_checked_then_var.s - rejected: a checked pointer moved by a variable loses its range.
# ctx: xdp
# rule: a variable offset resets the range
# expect: invalid access to packet
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
ldxw %r5, [%r1+16]
and %r5, 3
mov %r4, %r2
add %r4, 64
jgt %r4, %r3, out
add %r2, %r5
ldxb %r0, [%r2+0]
exit
out:
mov %r0, 2
exit
