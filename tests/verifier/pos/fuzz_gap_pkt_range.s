# fuzz_gap_pkt_range.s - accepted by the kernel, refused here: a program fuzz_verifier generated (22:02-22:32 run), kept as found.
# ctx: xdp
# gap: found by fuzz_verifier's kernel comparison, not yet diagnosed (likely a branch the kernel proves dead and we do not): insn 89: invalid access to packet, off=7 size=8, R5 range=8
# maps: array:4:64:4 hash:4:64:4 array:4:64:2:ro
mov %r6, %r1
stdw [%r10-8], 0
stdw [%r10-16], 0
stdw [%r10-24], 0
stdw [%r10-32], 0
stdw [%r10-40], 0
stdw [%r10-48], 0
stdw [%r10-56], 0
stdw [%r10-64], 0
stdw [%r10-72], 0
mov %r7, 0
mov %r8, 0
mov %r9, 0
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L169
ldxb %r7, [%r2]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L169
ldxb %r7, [%r2]
call 5
mov %r7, %r0
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L169
ldxw %r7, [%r2]
ldxw %r7, [%r6+12]
jeq32 %r7, 3, L169
jge %r9, 3, L39
jge %r7, 3, L40
jge32 %r9, 3, L40
jne32 %r9, %r8, L39
L39:
call 5
L40:
mov %r7, %r0
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L169
ldxb %r9, [%r2+11]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 59
jgt %r4, %r3, L53
stxdw [%r2+3], %r7
L53:
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 59
jgt %r4, %r3, L59
stxdw [%r2+3], %r7
L59:
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 59
jgt %r4, %r3, L65
stxdw [%r2+3], %r7
L65:
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
jeq32 %r7, %r7, L169
stdw [%r10-40], 3
jge %r7, 32, L82
stxb [%r10-40], %r7
ldxb %r7, [%r10-40]
ldxw %r2, [%r6]
L82:
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 8
jgt %r4, %r3, L169
stxdw [%r10-40], %r2
add32 %r0, %r7
ldxdw %r5, [%r10-40]
ldxdw %r8, [%r5+7]
jgt %r8, 0, L169
jge %r9, %r9, L169
stdw [%r10-32], 31
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 59
jgt %r4, %r3, L99
stxdw [%r2+3], %r7
L99:
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 59
jgt %r4, %r3, L105
stxw [%r2+12], %r7
L105:
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 59
jge %r4, %r3, L111
stxh [%r2+9], %r7
L111:
be16 %r7
arsh32 %r8, %r7
rsh32 %r7, 0
arsh %r9, 32
arsh %r9, 32
arsh %r9, %r7
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 59
jgt %r4, %r3, L123
stxdw [%r2+3], %r7
L123:
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 59
jge %r4, %r3, L129
stxw [%r2+3], %r7
L129:
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 45
jgt %r4, %r3, L135
stxdw [%r2+31], %r7
L135:
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 59
jgt %r4, %r3, L141
stxdw [%r2+3], %r7
L141:
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 59
jgt %r4, %r3, L147
stxdw [%r2+3], %r7
L147:
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 59
jge %r4, %r3, L153
stxb [%r2+3], %r7
L153:
mov %r7, 34
be16 %r7
arsh32 %r8, %r7
stxb [%r10-40], %r7
ldxb %r7, [%r10-40]
stxb [%r10-40], %r7
ldxb %r7, [%r10-40]
stxb [%r10-40], %r7
ldxdw %r7, [%r10-40]
jge %r9, %r9, L163
L163:
arsh %r9, 32
div32 %r7, %r7
jge32 %r7, 3, L169
jge %r7, 54, L170
jlt32 %r7, 0x7fffffff, L170
ldxw %r8, [%r6+12]
L169:
mov %r0, 2
L170:
exit
