# div_by_zero_imm.s - rejected: division by a zero immediate.
# ctx: xdp
# rule: division by a zero immediate
# expect: div by zero
mov %r0, 1
div %r0, 0
exit
