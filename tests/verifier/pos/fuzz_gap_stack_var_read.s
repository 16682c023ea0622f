# fuzz_gap_stack_var_read.s - accepted by the kernel, refused here: a program fuzz_verifier generated (22:02-22:32 run), kept as found.
# ctx: xdp
# gap: found by fuzz_verifier's kernel comparison, not yet diagnosed (likely a branch the kernel proves dead and we do not): insn 110: invalid unbounded variable-offset read from stack R1
# maps: array:4:64:4 hash:4:64:4 array:4:64:2:ro
# ref: 98 1
mov %r6, %r1
mov %r7, 0
mov %r8, 0
mov %r9, 0
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L147
ldxb %r7, [%r2]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L147
ldxb %r7, [%r2]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L147
ldxh %r7, [%r2]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L147
ldxb %r7, [%r2]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L147
ldxdw %r9, [%r2+5]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L147
ldxdw %r7, [%r2+3]
jge %r7, 3, L44
jge %r7, 3, L45
jge %r7, %r9, L45
jge %r9, %r9, L44
L44:
jsgt32 %r8, %r7, L147
L45:
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L147
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
jeq32 %r7, %r7, L147
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
stxw [%r2], %r9
L91:
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L147
ldxw %r7, [%r2+10]
stw [%r10-72], 4
lddw %r1, 0
mov %r2, %r10
add %r2, -72
call 1
jeq %r0, 0, L147
lock add32 [%r0+56], %r8
lsh %r7, 0
jgt32 %r8, 0x7fffffff, L147
mov %r1, %r10
add %r1, -64
add %r1, %r7
ldxw %r8, [%r1-2]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 59
jgt %r4, %r3, L117
stxdw [%r2], %r7
L117:
and %r7, 60
mov %r1, %r10
add %r1, -64
add %r1, %r7
stdw [%r1+3], 31
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 59
jge %r4, %r3, L128
stxb [%r2+12], %r7
L128:
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
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L147
ldxh %r7, [%r2+11]
mul %r7, %r0
L147:
mov %r0, 2
exit
