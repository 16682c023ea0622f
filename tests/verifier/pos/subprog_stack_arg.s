# subprog_stack_arg.s - accepted: a callee writes its caller's stack through a pointer.
# ctx: xdp
mov %r1, %r10
add %r1, -8
call local f
ldxdw %r0, [%r10-8]
exit
f:
stdw [%r1+0], 3
mov %r0, 0
exit
