# ptr_stack_div.s - rejected: a stack pointer divided.
# ctx: xdp
# rule: only add/sub on pointers
# expect: pointer arithmetic with /= operator
mov %r1, %r10
div %r1, 2
mov %r0, 0
exit
