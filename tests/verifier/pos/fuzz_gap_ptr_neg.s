# fuzz_gap_ptr_neg.s - accepted by the kernel, refused here: a program fuzz_verifier generated (22:02-22:32 run), kept as found.
# ctx: xdp
# gap: found by fuzz_verifier's kernel comparison, not yet diagnosed (likely a branch the kernel proves dead and we do not): insn 54: R4 pointer arithmetic with neg operator prohibited
# maps: array:4:64:4 hash:4:64:4 array:4:64:2:ro
# ref: 7 0
# ref: 27 0
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
jgt %r4, %r3, L174
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
jgt %r4, %r3, L174
ldxb %r5, [%r2]
add %r7, %r5
sub %r9, 1
jne %r9, 0, L36
lock xchg [%r10-64], %r7
jlt32 %r8, %r8, L49
neg %r8
L49:
neg %r9
neg %r8
mul %r7, %r7
stxb [%r10-40], %r8
ldxb %r8, [%r10-40]
neg %r4
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L174
ldxb %r7, [%r2]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L174
ldxw %r7, [%r2]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L174
ldxb %r7, [%r2]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L174
ldxb %r7, [%r2]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L174
ldxb %r7, [%r2]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L174
ldxb %r7, [%r2]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L174
ldxw %r8, [%r2+6]
mov %r9, 1
L98:
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
add %r2, %r9
mov %r4, %r2
add %r4, 1
jgt %r4, %r3, L174
ldxb %r5, [%r2]
add %r7, %r5
sub %r9, 1
jne %r9, 0, L98
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L174
ldxb %r7, [%r2]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L174
ldxb %r7, [%r2]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L174
ldxb %r7, [%r2]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L174
ldxdw %r7, [%r2]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L174
ldxb %r7, [%r2]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L174
ldxb %r7, [%r2]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L174
ldxb %r7, [%r2]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L174
ldxb %r7, [%r2+3]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L174
ldxb %r7, [%r2]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L174
ldxb %r7, [%r2]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L174
ldxb %r7, [%r2]
L174:
mov %r0, 2
exit
