# fuzz_gap_fp_math.s - accepted by the kernel, refused here: a program fuzz_verifier generated (22:02-22:32 run), kept as found.
# ctx: xdp
# gap: found by fuzz_verifier's kernel comparison, not yet diagnosed (likely a branch the kernel proves dead and we do not): insn 154: math between fp pointer and register with unbounded min value is not allowed
# maps: array:4:64:4 hash:4:64:4 array:4:64:2:ro
mov %r6, %r1
mov %r7, 0
mov %r8, 0
mov %r9, 0
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L201
ldxb %r7, [%r2]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L201
ldxb %r7, [%r2]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L201
ldxh %r7, [%r2]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L201
ldxb %r7, [%r2]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L201
ldxdw %r9, [%r2+5]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L201
ldxdw %r7, [%r2+3]
jge %r7, 3, L44
jge %r7, 14, L45
jge %r7, %r9, L45
jge %r9, %r9, L44
L44:
jsgt32 %r8, %r7, L201
L45:
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L201
ldxb %r9, [%r2+11]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 59
jgt %r4, %r3, L57
stxdw [%r2+3], %r7
L57:
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 59
jgt %r4, %r3, L63
stxdw [%r2+3], %r7
L63:
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 59
jgt %r4, %r3, L69
stxdw [%r2+3], %r9
L69:
and32 %r7, 7
mov %r1, %r10
add %r1, -64
add %r1, %r7
stb [%r1+3], 34
be16 %r7
le16 %r7
stxb [%r10-40], %r7
ldxb %r7, [%r10-40]
stxb [%r10-40], %r7
ldxb %r7, [%r10-40]
jeq32 %r7, %r7, L201
stdw [%r10-40], 3
jge %r7, 32, L86
stxb [%r10-40], %r7
ldxdw %r7, [%r10-40]
ldxw %r2, [%r6]
L86:
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 59
jgt %r4, %r3, L91
stxdw [%r2+3], %r7
L91:
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 59
jge %r4, %r3, L97
ldxb %r7, [%r2+3]
L97:
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 59
jgt %r4, %r3, L103
stxdw [%r2+3], %r7
L103:
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 59
jge %r4, %r3, L109
stxb [%r2+12], %r7
L109:
stxb [%r10-40], %r7
ldxb %r7, [%r10-40]
stxb [%r10-40], %r7
ldxb %r7, [%r10-40]
stxb [%r10-40], %r7
ldxb %r7, [%r10-40]
stxb [%r10-40], %r7
ldxb %r7, [%r10-40]
stxb [%r10-40], %r7
ldxb %r7, [%r10-40]
stxb [%r10-40], %r7
ldxb %r7, [%r10-40]
stxb [%r10-40], %r7
ldxb %r7, [%r10-40]
stxb [%r10-40], %r7
ldxb %r7, [%r10-40]
stxb [%r10-40], %r7
ldxb %r7, [%r10-40]
stxb [%r10-40], %r7
ldxb %r7, [%r10-40]
stxb [%r10-40], %r7
ldxb %r7, [%r10-40]
add32 %r7, %r7
stxb [%r10-40], %r7
ldxb %r7, [%r10-40]
stxb [%r10-40], %r7
ldxb %r7, [%r10-40]
stxb [%r10-40], %r7
ldxb %r7, [%r10-40]
stxb [%r10-40], %r7
ldxdw %r7, [%r10-40]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 59
jgt %r4, %r3, L146
stxdw [%r2+3], %r7
L146:
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 59
jgt %r4, %r3, L152
stxdw [%r2+12], %r7
L152:
mov %r1, %r10
add %r1, -64
add %r1, %r7
stdw [%r1-8], 34
be16 %r7
le16 %r7
stxb [%r10-40], %r7
ldxb %r7, [%r10-40]
stxb [%r10-40], %r7
ldxb %r7, [%r10-40]
stxb [%r10-40], %r7
ldxb %r7, [%r10-40]
stb [%r10-64], 0
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L201
ldxb %r7, [%r2]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L201
ldxb %r7, [%r2]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L201
ldxb %r7, [%r2]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L201
ldxb %r7, [%r2]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L201
ldxb %r7, [%r2]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L201
ldxb %r7, [%r2+15]
L201:
mov %r0, 2
exit
