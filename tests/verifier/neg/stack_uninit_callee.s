# stack_uninit_callee.s - rejected: a callee reads its own frame before writing it.
# ctx: xdp
# rule: a new frame starts unwritten (guest policy)
# policy: the kernel lets root read uninitialised stack
# expect: invalid read from stack
stdw [%r10-8], 1
call local f
exit
f:
ldxdw %r0, [%r10-8]
exit
