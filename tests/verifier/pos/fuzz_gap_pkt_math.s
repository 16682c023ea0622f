# fuzz_gap_pkt_math.s - accepted by the kernel, refused here: a program fuzz_verifier generated (22:02-22:32 run), kept as found.
# ctx: xdp
# gap: found by fuzz_verifier's kernel comparison, not yet diagnosed (likely a branch the kernel proves dead and we do not): insn 96: math between pkt pointer and register with unbounded min value is not allowed
# maps: array:4:64:4 hash:4:64:4 array:4:64:2:ro
# ref: 156 0
mov %r6, %r1
mov %r7, 0
mov %r8, 0
mov %r9, 0
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L164
ldxb %r7, [%r2]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L164
ldxb %r7, [%r2]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L164
ldxh %r7, [%r2]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L164
ldxb %r7, [%r2+8]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L164
ldxdw %r9, [%r2+5]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L164
ldxdw %r7, [%r2+3]
jge %r7, 3, L44
jge %r7, 3, L45
jge %r7, %r9, L45
jge %r9, %r9, L44
L44:
jsgt32 %r8, %r7, L164
L45:
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L164
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
stxdw [%r2+3], %r7
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
jeq32 %r7, %r7, L164
stdw [%r10-40], 3
jge %r7, 32, L86
stxb [%r10-8], %r7
ldxh %r8, [%r10-8]
lsh %r9, 14
L86:
arsh %r8, %r9
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L164
ldxh %r7, [%r2+11]
mul %r9, %r8
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
add %r2, %r8
mov %r4, %r2
add %r4, 9
jge %r4, %r3, L164
ldxb %r9, [%r2-6]
add32 %r0, 17430
arsh %r9, 32
arsh %r9, 32
arsh %r7, %r7
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 59
jgt %r4, %r3, L111
stxdw [%r2], %r7
L111:
ldxw %r7, [%r6+12]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 59
jgt %r4, %r3, L118
stxdw [%r2+3], %r7
L118:
mov32 %r7, %r0
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L164
ldxb %r7, [%r2]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L164
ldxb %r7, [%r2]
mov %r7, 0
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L164
ldxb %r7, [%r2+5]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L164
ldxb %r7, [%r2]
div32 %r7, %r7
be16 %r7
arsh32 %r7, %r7
arsh32 %r7, %r7
stxb [%r10-40], %r7
ldxdw %r7, [%r10-40]
jge32 %r9, %r9, L151
L151:
arsh %r9, 32
jge %r7, 3, L156
jge %r7, 3, L154
L154:
jge %r7, -8, L158
stw [%r10-72], 0
L156:
lddw %r1, 0
L158:
mov %r2, %r10
add %r2, -72
call 1
jeq %r0, 0, L164
lock add32 [%r0+32], %r7
ldxw %r8, [%r6+12]
L164:
mov %r0, 2
exit
