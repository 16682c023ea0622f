# helper_null_with_size.s - rejected: csum_diff with NULL memory and a size of 4.
# ctx: xdp
# rule: NULL memory goes with a zero size
# expect: NULL memory with a non-zero size
mov %r1, 0
mov %r2, 4
mov %r3, 0
mov %r4, 0
mov %r5, 0
call 28
mov %r0, 0
exit
