# mem_size_unbounded.s - rejected: memory sizes are bounded.
# ctx: xdp
# rule: memory sizes are bounded
# expect: R2 min value is negative
stdw [%r10-8], 0
call 7
mov %r2, %r0
mov %r1, %r10
add %r1, -8
call 6
mov %r0, 0
exit
