# fuzz_gap_read_ok.s - accepted by the kernel, refused here: a program fuzz_verifier generated (22:02-22:32 run), kept as found.
# ctx: xdp
# gap: found by fuzz_verifier's kernel comparison, not yet diagnosed (likely a branch the kernel proves dead and we do not): insn 178: R1 !read_ok
# maps: array:4:64:4 hash:4:64:4 array:4:64:2:ro
# ref: 7 0
# ref: 27 0
# ref: 105 0
# ref: 138 0
# ref: 147 0
mov %r6, %r1
stdw [%r10-8], 0
stdw [%r10-16], 0
mov %r7, 0
mov %r8, 0
mov %r9, 0
stw [%r10-72], 0
lddw %r1, 0
mov %r2, %r10
add %r2, -72
mov %r3, %r10
add %r3, -64
mov %r4, 0
call 2
mov %r9, 7
L16:
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
add %r2, %r9
mov %r4, %r2
add %r4, 1
jgt %r4, %r3, L202
ldxb %r5, [%r2]
add %r7, %r5
sub %r9, 1
jne %r9, 0, L16
stw [%r10-72], 0
lddw %r1, 0
mov %r2, %r10
add %r2, -72
mov %r3, %r10
add %r3, -64
mov %r4, 0
call 2
mov %r9, 7
L36:
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
add %r2, %r9
mov %r4, %r2
add %r4, 1
jgt %r4, %r3, L202
ldxb %r5, [%r2]
add %r7, %r5
sub %r9, 1
jne %r9, 0, L36
lock xchg [%r10-8], %r7
neg %r8
neg %r8
le32 %r8
add %r7, %r7
stxb [%r10-40], %r8
ldxb %r8, [%r10-40]
neg %r8
mul32 %r7, 64
neg %r8
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 21
jge %r4, %r3, L63
ldxb %r8, [%r2+1]
ldxb %r7, [%r2+9]
L63:
stxb [%r10-40], %r7
ldxb %r7, [%r10-40]
stxb [%r10-40], %r8
ldxb %r8, [%r10-40]
neg %r8
stdw [%r10-64], 3
jsle32 %r7, %r0, L71
ldxw %r2, [%r6]
L71:
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L202
ldxb %r7, [%r2]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L202
ldxb %r7, [%r2]
jge %r7, 3, L86
jge %r7, 3, L87
jge %r7, 3, L88
jge %r7, 3, L89
L86:
jge %r7, 3, L90
L87:
jge %r7, 3, L91
L88:
jge %r7, 3, L92
L89:
jge %r7, 3, L93
L90:
jge %r7, %r7, L94
L91:
stxb [%r10-40], %r7
L92:
ldxb %r7, [%r10-40]
L93:
stxb [%r10-40], %r7
L94:
ldxb %r7, [%r10-40]
stxb [%r10-40], %r7
ldxb %r7, [%r10-40]
stxb [%r10-40], %r7
ldxb %r7, [%r10-40]
lsh32 %r7, %r7
lsh32 %r7, %r7
lsh32 %r7, %r7
stxh [%r10-40], %r7
ldxb %r7, [%r10-40]
stw [%r10-72], 0
lddw %r1, 0
mov %r2, %r10
add %r2, -72
call 1
jeq %r0, 0, L202
ldxb %r7, [%r0+28]
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
lsh32 %r7, 3
jgt %r8, 3, L202
mov %r7, 3
jgt %r8, 3, L202
jgt %r8, 3, L202
jgt %r8, 3, L202
jgt %r8, 3, L202
jgt %r8, 3, L202
jgt %r8, 3, L202
jgt %r8, %r8, L202
jgt %r8, %r8, L202
jgt32 %r8, %r8, L202
jgt %r8, %r8, L202
jgt %r8, %r8, L202
jgt %r8, %r8, L202
stw [%r10-72], 3
lddw %r1, 0
mov %r2, %r10
add %r2, -72
call 1
jeq %r0, 0, L202
ldxb %r9, [%r0+37]
or %r9, -65536
stw [%r10-72], 0
lddw %r1, 0
mov %r2, %r10
add %r2, -72
call 1
jeq %r0, 0, L202
ldxw %r7, [%r0+16]
lsh32 %r7, 8
jgt %r8, %r8, L202
call 5
mov %r8, %r0
jgt %r8, %r8, L202
jgt %r8, %r8, L202
jgt %r8, %r8, L202
or %r7, 64
be64 %r7
or %r7, 4
call 5
mov %r9, %r0
jgt %r8, %r8, L202
jgt %r8, %r8, L202
jgt %r8, %r8, L202
jgt %r8, 3, L202
jeq32 %r7, %r7, L202
lsh32 %r7, %r7
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 8
jgt %r4, %r3, L202
stxdw [%r10-40], %r2
add32 %r1, %r8
ldxdw %r5, [%r10-40]
ldxb %r7, [%r5+4]
stxb [%r10-40], %r7
ldxdw %r7, [%r10-40]
jge32 %r7, 3, L202
jge %r7, 3, L188
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
L188:
add %r4, 16
jgt %r4, %r3, L202
ldxb %r9, [%r2+15]
jge %r7, 3, L195
lsh32 %r7, %r7
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
L195:
mov %r4, %r2
add %r4, 8
jgt %r4, %r3, L202
stxdw [%r10-40], %r2
add32 %r0, %r7
ldxdw %r5, [%r10-40]
ldxb %r7, [%r5+4]
L202:
mov %r0, 2
exit
