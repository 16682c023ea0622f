# struct_unreachable_after_ja.s - rejected: code skipped by an unconditional jump.
# ctx: xdp
# rule: every instruction reachable
# expect: unreachable insn
mov %r0, 0
ja +1
mov %r0, 1
exit
