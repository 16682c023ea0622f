# mul_u32_square.s - rejected: found by fuzz_verifier. A product of two 32-bit values reaches
# (2^32-1)^2, past S64_MAX; its signed bounds were taken from the unsigned ones (smin 0 > smax
# < 0), so both edges of the next comparison looked impossible, the path was dropped and what
# follows it never checked. The read of r5 below must be seen and refused.
# ctx: xdp
# rule: products whose unsigned bounds pass S64_MAX have unknown signed bounds
# expect: R5 !read_ok
ldxw %r7, [%r1+12]
mul %r7, %r7
jge %r7, 3, next
next:
mov %r0, %r5
exit
