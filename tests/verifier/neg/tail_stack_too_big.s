# tail_stack_too_big.s - rejected: a function that tail-calls under callers using more than 256 bytes of stack.
# ctx: xdp
# rule: tail calls in functions: the callers' stacks add up to at most 256 bytes
# expect: tail_calls are not allowed when call stack of previous frames
# maps: prog_array:4:4:4
# ref: 5 0
stdw [%r10-264], 0
call local f
mov %r0, 0
exit
f:
mov %r3, 0
lddw %r2, 0
call 12
mov %r0, 0
exit
