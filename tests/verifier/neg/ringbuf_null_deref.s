# ringbuf_null_deref.s - rejected: a sample is NULL-checked first.
# ctx: xdp
# rule: a sample is NULL-checked first
# expect: ringbuf_mem_or_null
# maps: ringbuf:0:0:4096
# ref: 0 0
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
stdw [%r0+0], 1
mov %r1, %r0
mov %r2, 0
call 132
mov %r0, 0
exit
