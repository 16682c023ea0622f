# ref_spilled_after_submit.s - rejected: a sample spilled, submitted, then filled and written.
# ctx: xdp
# rule: every copy of a released sample is gone
# expect: invalid read from stack
# maps: ringbuf:0:0:4096
# ref: 0 0
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
jeq %r0, 0, out
stxdw [%r10-8], %r0
mov %r1, %r0
mov %r2, 0
call 132
ldxdw %r1, [%r10-8]
stdw [%r1+0], 1
out:
mov %r0, 0
exit
