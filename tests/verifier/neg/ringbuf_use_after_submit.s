# ringbuf_use_after_submit.s - rejected: a submitted sample is gone.
# ctx: xdp
# rule: a submitted sample is gone
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
call 132
stdw [%r6+0], 1
out:
mov %r0, 0
exit
