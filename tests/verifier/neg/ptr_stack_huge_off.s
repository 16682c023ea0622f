# ptr_stack_huge_off.s - rejected: a stack pointer moved far below the frame and dereferenced.
# ctx: xdp
# rule: stack accesses stay in the frame
# expect: invalid write to stack
mov %r1, %r10
add %r1, -4096
stdw [%r1+0], 0
mov %r0, 0
exit
