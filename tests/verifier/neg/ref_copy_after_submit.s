# ref_copy_after_submit.s - rejected: a copy of a sample kept in r7 and read after the submit.
# ctx: xdp
# rule: every copy of a released sample is gone
# expect: R7 !read_ok
# maps: ringbuf:0:0:4096
# ref: 0 0
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
jeq %r0, 0, out
mov %r7, %r0
stdw [%r0+0], 1
mov %r1, %r0
mov %r2, 0
call 132
ldxdw %r0, [%r7+0]
exit
out:
mov %r0, 0
exit
