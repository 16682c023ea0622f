# loop_budget.s - rejected: a loop of 2^20 iterations: more than 1,000,000 instructions.
# ctx: xdp
# rule: at most 1,000,000 instructions processed
# expect: too complex
mov %r1, 0
loop:
add %r1, 1
jlt %r1, 0x100000, loop
mov %r0, 0
exit
