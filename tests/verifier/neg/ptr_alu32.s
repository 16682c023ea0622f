# ptr_alu32.s - rejected: no 32-bit arithmetic on pointers.
# ctx: xdp
# rule: no 32-bit arithmetic on pointers
# expect: 32-bit pointer arithmetic prohibited
mov %r2, %r10
add32 %r2, 8
mov %r0, 0
exit
