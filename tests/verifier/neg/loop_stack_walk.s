# loop_stack_walk.s - rejected: a loop moving a stack pointer down with no bound.
# ctx: xdp
# rule: every iteration's access is checked
# expect: invalid write to stack
mov %r2, %r10
loop:
add %r2, -8
stdw [%r2+0], 0
ja loop
