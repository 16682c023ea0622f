# mem_size_too_big.s - rejected: memory of the given size.
# ctx: xdp
# rule: memory of the given size
# expect: invalid indirect access to stack
stdw [%r10-8], 0
mov %r1, %r10
add %r1, -8
mov %r2, 16
call 6
mov %r0, 0
exit
