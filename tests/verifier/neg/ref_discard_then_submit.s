# ref_discard_then_submit.s - rejected: a sample discarded, then submitted.
# ctx: xdp
# rule: a sample is released once
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
call 133
mov %r1, %r6
mov %r2, 0
call 132
out:
mov %r0, 0
exit
