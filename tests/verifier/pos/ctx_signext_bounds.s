# ctx_signext_bounds.s - accepted: a sign-extended field checked to [0, 8] by signed compares is a packet offset.
# ctx: xdp
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
ldxsw %r5, [%r1+12]
jslt %r5, 0, out
jsgt %r5, 8, out
add %r2, %r5
mov %r4, %r2
add %r4, 4
jgt %r4, %r3, out
ldxw %r0, [%r2+0]
and %r0, 1
exit
out:
mov %r0, 2
exit
