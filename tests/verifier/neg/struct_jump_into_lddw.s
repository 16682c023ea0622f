# struct_jump_into_lddw.s - rejected: a jump lands on the second half of an ld_imm64.
# ctx: xdp
# rule: no jumps into an ld_imm64
# expect: jump into the middle of ld_imm64
mov %r0, 0
jeq %r1, 0, +1
lddw %r0, 0x100000001
exit
