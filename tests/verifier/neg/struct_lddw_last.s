# struct_lddw_last.s - rejected: a program ending with half an ld_imm64.
# ctx: xdp
# rule: ld_imm64 takes two slots
# expect: missing its second slot
mov %r0, 0
exit
.raw 0x0000000000000018
