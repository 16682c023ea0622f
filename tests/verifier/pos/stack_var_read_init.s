# stack_var_read_init.s - accepted: a variable-offset stack read over written bytes.
# ctx: xdp
stdw [%r10-8], 1
stdw [%r10-16], 2
ldxw %r2, [%r1+16]
and %r2, 8
mov %r3, %r10
add %r3, -16
add %r3, %r2
ldxdw %r0, [%r3+0]
exit
