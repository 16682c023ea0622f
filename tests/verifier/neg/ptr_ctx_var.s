# ptr_ctx_var.s - rejected: a variable offset added to the context pointer, then a load.
# ctx: xdp
# rule: no variable offsets on the context
# expect: variable ctx access
ldxw %r2, [%r1+16]
and %r2, 4
add %r1, %r2
ldxw %r0, [%r1+0]
exit
