# stack_read_above.s - rejected: a load above the frame pointer.
# ctx: xdp
# rule: nothing above the frame pointer
# expect: invalid read from stack
ldxdw %r0, [%r10+8]
exit
