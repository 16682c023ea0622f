# ref_submit_or_null.s - rejected: a sample submitted before its NULL check.
# ctx: xdp
# rule: a sample is NULL-checked first
# expect: type=ringbuf_mem_or_null expected=ringbuf_mem
# maps: ringbuf:0:0:4096
# ref: 0 0
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
mov %r1, %r0
mov %r2, 0
call 132
mov %r0, 0
exit
