# stack_var_read_uninit.s - rejected: a variable-offset read over bytes not all written.
# ctx: xdp
# rule: variable stack reads cover written bytes only
# expect: invalid read from stack
# policy: the kernel lets root read uninitialised stack
stdw [%r10-8], 0
ldxw %r2, [%r1+16]
and %r2, 8
mov %r3, %r10
add %r3, -16
add %r3, %r2
ldxb %r0, [%r3+0]
exit
