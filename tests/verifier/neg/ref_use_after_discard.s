# ref_use_after_discard.s - rejected: a sample written after its discard.
# ctx: xdp
# rule: a released sample is gone
# expect: R6 !read_ok
# maps: ringbuf:0:0:4096
# ref: 0 0
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
jeq %r0, 0, out
mov %r6, %r0
mov %r1, %r6
mov %r2, 0
call 133
stdw [%r6+0], 1
out:
mov %r0, 0
exit
