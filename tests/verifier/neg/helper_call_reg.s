# helper_call_reg.s - rejected: a call through a register (callx).
# ctx: xdp
# rule: calls name a helper or a function
# expect: callx
mov %r2, 7
.raw 0x000000000020008d
mov %r0, 0
exit
