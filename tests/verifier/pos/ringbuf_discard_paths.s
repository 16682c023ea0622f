# ringbuf_discard_paths.s - accepted: released on both paths.
# ctx: xdp
# maps: ringbuf:0:0:4096
# ref: 0 0
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
jeq %r0, 0, out
mov %r6, %r0
call 7
mov %r1, %r6
mov %r2, 0
jeq %r0, 0, disc
call 132
ja out
disc:
call 133
out:
mov %r0, 0
exit
