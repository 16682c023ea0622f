# helper_size_negative.s - rejected: csum_diff with a size that may be negative.
# ctx: xdp
# rule: sizes are bounded and not negative
# expect: min value is negative
stdw [%r10-8], 0
ldxw %r2, [%r1+16]
lsh %r2, 32
arsh %r2, 32
jsgt %r2, 8, out
mov %r1, %r10
add %r1, -8
mov %r3, 0
mov %r4, 0
mov %r5, 0
call 28
out:
mov %r0, 0
exit
