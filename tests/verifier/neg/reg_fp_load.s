# reg_fp_load.s - rejected: r10 loaded from memory.
# ctx: xdp
# rule: r10 is read only
# expect: frame pointer r10 is read only
ldxdw %r10, [%r1+0]
mov %r0, 0
exit
