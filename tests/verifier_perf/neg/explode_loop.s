# explode_loop.s - rejected: a loop bounded by a constant too large to explore (400,000
# iterations); every iteration's counter decides the exit test, so no iteration's state covers
# another's.
# ctx: xdp
# rule: exploration ends within the budget of instructions processed and states stored
# expect: program too complex
mov %r6, 0
mov %r7, 0
loop:
add %r6, 1
add %r7, 3
jlt %r6, 400000, loop
mov %r0, 2
exit
