# struct_unreachable_func.s - rejected: a function nobody calls.
# ctx: xdp
# rule: every instruction reachable, functions included
# expect: unreachable insn
mov %r0, 0
exit
mov %r0, 1
exit
