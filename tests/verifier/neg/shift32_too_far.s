# shift32_too_far.s - rejected: 32-bit shifts below 32.
# ctx: xdp
# rule: 32-bit shifts below 32
# expect: invalid shift
mov %r0, 1
lsh32 %r0, 32
exit
