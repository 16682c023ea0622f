# fuzz_gap_stack_misaligned.s - accepted by the kernel, refused here: a program fuzz_verifier generated (22:02-22:32 run), kept as found.
# ctx: xdp
# gap: found by fuzz_verifier's kernel comparison, not yet diagnosed (likely a branch the kernel proves dead and we do not): insn 186: misaligned stack access off -64+-3 size 2
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
ldxb %r7, [%r2+8]
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
jge %r7, 3, L45
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
jeq32 %r7, %r7, L201
stdw [%r10-40], 3
jge %r7, 32, L86
stxb [%r10-8], %r7
ldxb %r7, [%r10-8]
ldxw %r2, [%r6]
L86:
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
ldxb %r7, [%r2+12]
stxb [%r10-40], %r7
ldxb %r7, [%r10-40]
mov %r9, 1
L118:
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
add %r2, %r9
mov %r4, %r2
add %r4, 1
jgt %r4, %r3, L201
ldxb %r5, [%r2]
add %r7, %r5
sub %r9, 1
jne %r9, 0, L118
mov %r7, -2
jgt %r8, 3, L201
jgt32 %r7, -1, L201
stxdw [%r10-40], %r7
ldxdw %r9, [%r10-40]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 59
jgt %r4, %r3, L139
stxdw [%r2+3], %r7
L139:
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 59
jgt %r4, %r3, L145
stxdw [%r2+12], %r7
L145:
lsh32 %r7, %r7
mov %r7, 34
arsh32 %r8, %r7
rsh32 %r7, 0
neg %r9
arsh %r9, 32
arsh %r9, %r7
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 59
jgt %r4, %r3, L158
stxdw [%r2+3], %r7
L158:
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 59
jge %r4, %r3, L164
ldxb %r7, [%r2+3]
L164:
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 59
jgt %r4, %r3, L170
stxdw [%r2+3], %r7
L170:
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 59
jgt %r4, %r3, L176
stxw [%r2+12], %r7
L176:
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 59
jge %r4, %r3, L182
stxh [%r2+2], %r7
L182:
and %r9, 60
mov %r1, %r10
add %r1, -64
add %r1, %r9
sth [%r1-3], 37
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L201
ldxb %r7, [%r2]
div32 %r7, %r7
be16 %r7
arsh32 %r7, %r7
div %r7, %r7
stxb [%r10-40], %r7
ldxb %r7, [%r10-40]
stxb [%r10-40], %r7
ldxb %r7, [%r10-40]
L201:
mov %r0, 2
exit
