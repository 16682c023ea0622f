# unreachable.s - rejected: every instruction reachable.
# ctx: xdp
# rule: every instruction reachable
# expect: unreachable insn
mov %r0, 0
exit
mov %r0, 1
exit
