# stack_uninit_other_path.s - rejected: a slot written on one path only.
# ctx: xdp
# rule: every byte read must be written on every path (guest policy)
# policy: the kernel lets root read uninitialised stack
# expect: invalid read from stack
ldxw %r2, [%r1+16]
jeq %r2, 0, +1
stdw [%r10-8], 7
ldxdw %r0, [%r10-8]
exit
