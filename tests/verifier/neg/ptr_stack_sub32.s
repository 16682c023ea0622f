# ptr_stack_sub32.s - rejected: 32-bit subtract on a stack pointer.
# ctx: xdp
# rule: no 32-bit arithmetic on pointers
# policy: root may turn a pointer into a scalar by a 32-bit subtraction (address leak)
# expect: 32-bit pointer arithmetic prohibited
mov %r1, %r10
sub32 %r1, 8
mov %r0, 0
exit
