# struct_combined_stack_3.s - rejected: three frames of 200 bytes each.
# ctx: xdp
# rule: the stacks of a call chain add up to at most 512 bytes
# expect: combined stack size
stdw [%r10-200], 0
call local f
mov %r0, 0
exit
f:
stdw [%r10-200], 0
call local g
mov %r0, 0
exit
g:
stdw [%r10-200], 0
mov %r0, 0
exit
