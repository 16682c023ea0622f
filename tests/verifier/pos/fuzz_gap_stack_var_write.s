# fuzz_gap_stack_var_write.s - accepted by the kernel, refused here: a program fuzz_verifier generated (22:02-22:32 run), kept as found.
# ctx: xdp
# gap: found by fuzz_verifier's kernel comparison, not yet diagnosed (likely a branch the kernel proves dead and we do not): insn 110: invalid unbounded variable-offset write to stack R1
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
add %r4, 59
jgt %r4, %r3, L19
stxdw [%r2+3], %r7
L19:
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 59
jgt %r4, %r3, L25
stxdw [%r2+15], %r7
L25:
jge %r7, 3, L29
jge %r7, 3, L30
mov %r9, 8
L28:
add %r8, 7
L29:
sub %r9, 1
L30:
jne %r9, 0, L28
jge %r7, 3, L35
jge %r7, 3, L36
jge %r7, 3, L37
jge %r7, 20, L38
L35:
ldxw %r2, [%r6]
L36:
ldxw %r3, [%r6+4]
L37:
mov %r4, %r2
L38:
add %r4, 16
jgt %r4, %r3, L111
ldxb %r7, [%r2]
ldxw %r2, [%r6]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, L111
ldxdw %r7, [%r2+3]
jge %r7, -0x77777778, L51
jne %r8, %r8, L111
jset %r9, 4095, L111
jset %r9, 4095, L54
L51:
jset %r9, 4095, L55
jset %r9, 4095, L56
jset %r9, 4095, L57
L54:
jset %r9, 4095, L58
L55:
jset %r8, %r8, L56
L56:
jne32 %r7, 16, L111
L57:
mod %r8, 16
L58:
mod %r8, 16
mod %r8, 16
mod %r8, 16
mod %r8, 16
mod %r8, 16
mod %r8, 16
mod %r8, 16
mod %r8, %r7
jge %r7, 3, L70
jeq %r7, 3, L71
jge %r7, 3, L72
jge %r7, 3, L73
L70:
jge %r7, 3, L74
L71:
jslt32 %r7, 3, L73
L72:
jge %r7, 3, L76
L73:
jge %r7, 31, L77
L74:
jne %r8, %r8, L111
jne %r8, %r8, L111
L76:
rsh %r8, 8
L77:
jne %r8, %r8, L111
jne %r8, %r8, L111
jne %r8, %r8, L111
jne %r8, %r9, L111
jset %r9, 4095, L85
jset %r9, 4095, L86
jset %r9, 4095, L87
jset %r9, 4095, L88
L85:
jset %r9, 4095, L89
L86:
jset %r9, 4095, L90
L87:
jset %r8, %r8, L111
L88:
jset32 %r8, %r8, L111
L89:
mod %r8, 16
L90:
mod %r8, 16
mod %r8, 16
mod %r8, 16
mod %r8, 16
mod %r8, 16
mod %r8, 16
mod %r8, 16
mod %r8, 16
mod %r8, 16
mod %r8, %r7
be16 %r7
be32 %r7
jne %r8, %r8, L111
jne %r8, %r8, L111
jne %r7, %r7, L111
be16 %r7
be16 %r7
mov %r1, %r10
add %r1, -64
add %r1, %r7
stb [%r1-8], 0
L111:
mov %r0, 2
exit
