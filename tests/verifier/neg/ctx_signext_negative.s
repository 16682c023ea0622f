# ctx_signext_negative.s - rejected: a sign-extended field is not known non-negative after only `s<= 8`.
# ctx: xdp
# rule: ldxsw of a context field gives [S32_MIN, S32_MAX], not [0, U32_MAX]: a negative packet offset is possible
# expect: min value is negative
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
ldxsw %r5, [%r1+12]
jsgt %r5, 8, out
add %r2, %r5
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, out
ldxw %r0, [%r2+0]
and %r0, 1
exit
out:
mov %r0, 2
exit
