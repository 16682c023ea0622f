# ringbuf_oob.s - rejected: a sample is as large as reserved.
# ctx: xdp
# rule: a sample is as large as reserved
# expect: invalid access to memory
# maps: ringbuf:0:0:4096
# ref: 0 0
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
jeq %r0, 0, out
stdw [%r0+4], 1
mov %r1, %r0
mov %r2, 0
call 132
out:
mov %r0, 0
exit
