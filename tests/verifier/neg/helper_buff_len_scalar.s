# helper_buff_len_scalar.s - rejected: xdp_get_buff_len given a scalar.
# ctx: xdp
# rule: ctx arguments are the context
# expect: expected=ctx
mov %r1, 0
call 188
mov %r0, 0
exit
