# alu_s64_fits_s32.s - accepted: a 64-bit value in [-255, 0] is its low half sign-extended, so "jsle32 r8, 0x57575757" always holds and the unsafe store after it is dead (a fuzz_verifier find: without this deduction the dead edge kept bounds with no possible value, and a later neg produced smin > smax).
# ctx: xdp
ldxw %r8, [%r1+16]
and %r8, 255
neg %r8
jsle32 %r8, 0x57575757, +1
stb [%r10+8], 0
mov %r0, 2
exit
