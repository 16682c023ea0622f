# ptr_to_scalar_store_ctx.s - rejected: the ctx pointer as an integer argument.
# ctx: xdp
# rule: pointers are not passed as scalars
# policy: root may pass pointers as integers
# expect: leaks addr
mov %r2, 0
call 23
mov %r0, 2
exit
