# pkt_negative_var.s - rejected: a variable offset that may be negative.
# ctx: xdp
# rule: packet offsets are never negative
# expect: min value is negative
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
ldxw %r5, [%r1+16]
lsh %r5, 32
arsh %r5, 32
jsgt %r5, 8, out
add %r2, %r5
mov %r4, %r2
add %r4, 1
jgt %r4, %r3, out
ldxb %r0, [%r2+0]
exit
out:
mov %r0, 2
exit
