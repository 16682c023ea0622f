# ptr_ctx_rsh.s - rejected: the context pointer shifted right.
# ctx: xdp
# rule: only add/sub on pointers
# expect: pointer arithmetic with >>= operator
rsh %r1, 12
mov %r0, 0
exit
