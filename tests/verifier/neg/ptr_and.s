# ptr_and.s - rejected: no bitwise ops on pointers.
# ctx: xdp
# rule: no bitwise ops on pointers
# expect: bitwise operator
mov %r2, %r10
and %r2, 7
mov %r0, 0
exit
