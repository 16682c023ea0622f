# struct_lddw_bad_src.s - rejected: an ld_imm64 with an unknown pseudo source.
# ctx: xdp
# rule: ld_imm64 sources are the known pseudo kinds
# expect: invalid ld_imm64 source
.raw 0x0000000000007018
.raw 0x0000000000000000
mov %r0, 0
exit
