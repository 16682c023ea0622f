# helper_size_var_too_big.s - rejected: csum_diff over 8 stack bytes with a size up to 16.
# ctx: xdp
# rule: a variable size must fit the memory at its maximum
# expect: invalid indirect access to stack
stdw [%r10-8], 0
ldxw %r2, [%r1+16]
and %r2, 15
add %r2, 1
mov %r1, %r10
add %r1, -8
mov %r3, 0
mov %r4, 0
mov %r5, 0
call 28
mov %r0, 0
exit
