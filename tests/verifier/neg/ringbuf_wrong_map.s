# ringbuf_wrong_map.s - rejected: ringbuf helpers take ring buffers.
# ctx: xdp
# rule: ringbuf helpers take ring buffers
# expect: not a ring buffer
# maps: array:4:8:1
# ref: 0 0
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
mov %r0, 0
exit
