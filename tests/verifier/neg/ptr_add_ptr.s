# ptr_add_ptr.s - rejected: pointer plus pointer.
# ctx: xdp
# rule: pointer plus pointer
# expect: pointer += pointer prohibited
mov %r2, %r10
add %r2, %r1
mov %r0, 0
exit
