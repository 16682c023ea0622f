# pkt_var_unchecked.s - rejected: a variable offset resets the range.
# ctx: xdp
# rule: a variable offset resets the range
# expect: invalid access to packet
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r4, %r2
add %r4, 8
jgt %r4, %r3, out
ldxb %r5, [%r2+0]
add %r2, %r5
ldxb %r0, [%r2+0]
exit
out:
mov %r0, 1
exit
