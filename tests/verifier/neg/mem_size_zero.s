# mem_size_zero.s - rejected: sizes are > 0 where required.
# ctx: xdp
# rule: sizes are > 0 where required
# expect: zero-sized
stdw [%r10-8], 0
mov %r1, %r10
add %r1, -8
mov %r2, 0
call 6
mov %r0, 0
exit
