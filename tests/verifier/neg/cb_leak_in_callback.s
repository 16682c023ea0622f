# cb_leak_in_callback.s - rejected: a callback reserves a sample and returns holding it.
# ctx: xdp
# rule: references are released before a callback returns
# maps: ringbuf:0:0:4096
# func: 0 8
# ref: 8 0
# expect: unreleased reference
lddw %r2, 0
mov %r1, 4
mov %r3, 0
mov %r4, 0
call 181
mov %r0, 0
exit
cb:
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
mov %r0, 0
exit
