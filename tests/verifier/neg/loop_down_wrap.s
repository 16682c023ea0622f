# loop_down_wrap.s - rejected: a countdown that wraps past zero instead of ending.
# ctx: xdp
# rule: loops end within the budget
# expect: too complex
mov %r1, 10
loop:
sub %r1, 3
jne %r1, 0, loop
mov %r0, 0
exit
