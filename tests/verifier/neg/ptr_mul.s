# ptr_mul.s - rejected: only add/sub on pointers.
# ctx: xdp
# rule: only add/sub on pointers
# expect: pointer arithmetic with *= operator
mov %r2, %r10
mul %r2, 2
mov %r0, 0
exit
