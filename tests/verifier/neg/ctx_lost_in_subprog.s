# ctx_lost_in_subprog.s - rejected: a callee loads from r1 it was not given as the context.
# ctx: xdp
# rule: a callee's context is what was passed in r1
# expect: R1 invalid mem access 'scalar'
mov %r6, %r1
mov %r1, 0
call local f
exit
f:
ldxw %r0, [%r1+0]
exit
