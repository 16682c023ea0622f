# helper_ptr_anything.s - rejected: pointers are not passed as scalars.
# ctx: xdp
# rule: pointers are not passed as scalars
# expect: leaks addr into helper
# policy: root may pass pointers as scalars
mov %r1, %r10
mov %r2, 0
call 23
mov %r0, 0
exit
