# ringbuf_leak.s - rejected: a reserved sample is submitted or discarded.
# ctx: xdp
# rule: a reserved sample is submitted or discarded
# expect: unreleased reference
# maps: ringbuf:0:0:4096
# ref: 0 0
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
mov %r0, 0
exit
