# ptr_unbounded_add.s - rejected: pointer math with unbounded min.
# ctx: xdp
# rule: pointer math with unbounded min
# expect: unbounded min value
call 7
mov %r2, %r10
add %r2, %r0
mov %r0, 0
exit
