# struct_bad_opcode.s - rejected: an opcode that does not exist.
# ctx: xdp
# rule: every instruction is a valid encoding
# expect: unknown opcode
mov %r0, 0
.raw 0x00000000000000f6
exit
