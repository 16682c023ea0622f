# shift_too_far.s - rejected: shift amounts below the width.
# ctx: xdp
# rule: shift amounts below the width
# expect: invalid shift
mov %r0, 1
lsh %r0, 64
exit
