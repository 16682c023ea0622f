# unbounded_loop.s - rejected: loops end within the budget.
# ctx: xdp
# rule: loops end within the budget
# expect: too complex
mov %r0, 0
loop:
add %r0, 1
jne %r0, 0, loop
exit
