# ringbuf_submit_moved.s - rejected: a sample is released at its start.
# ctx: xdp
# rule: a sample is released at its start
# expect: zero offset
# maps: ringbuf:0:0:4096
# ref: 0 0
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
jeq %r0, 0, out
add %r0, 4
mov %r1, %r0
mov %r2, 0
call 132
out:
mov %r0, 0
exit
