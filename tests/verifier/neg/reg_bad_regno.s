# reg_bad_regno.s - rejected: a register number above r10.
# ctx: xdp
# rule: registers are r0-r10
# expect: invalid register r11
.raw 0x00000000000000b7
.raw 0x00000000000000bb7
exit
