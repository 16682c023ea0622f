# stack_uninit_read.s - rejected: uninitialised stack is never read (guest policy).
# ctx: xdp
# rule: uninitialised stack is never read (guest policy)
# expect: invalid read from stack
# policy: the kernel lets root read uninitialised stack
ldxdw %r0, [%r10-8]
exit
