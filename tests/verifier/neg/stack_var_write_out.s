# stack_var_write_out.s - rejected: a variable-offset write that may leave the frame.
# ctx: xdp
# rule: variable stack writes stay in the frame
# expect: invalid write to stack
ldxw %r2, [%r1+16]
and %r2, 31
mov %r3, %r10
add %r3, -16
add %r3, %r2
stb [%r3+0], 0
mov %r0, 0
exit
