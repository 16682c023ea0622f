# stack_read_below.s - rejected: a load 520 bytes below the frame pointer.
# ctx: xdp
# rule: the frame is 512 bytes
# expect: invalid read from stack
ldxdw %r0, [%r10-520]
exit
