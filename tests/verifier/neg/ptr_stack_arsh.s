# ptr_stack_arsh.s - rejected: a stack pointer shifted arithmetically.
# ctx: xdp
# rule: only add/sub on pointers
# expect: pointer arithmetic with s>>= operator
mov %r1, %r10
arsh %r1, 3
mov %r0, 0
exit
