# ringbuf_leak_one_path.s - rejected: released on every path.
# ctx: xdp
# rule: released on every path
# expect: unreleased reference
# maps: ringbuf:0:0:4096
# ref: 0 0
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
jeq %r0, 0, out
mov %r6, %r0
call 7
jeq %r0, 0, out
mov %r1, %r6
mov %r2, 0
call 132
out:
mov %r0, 0
exit
