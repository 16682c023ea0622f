# ref_ptr_into_sample.s - rejected: a stack pointer stored into a sample.
# ctx: xdp
# rule: no pointer reaches a ring buffer sample
# maps: ringbuf:0:0:4096
# ref: 0 0
# policy: root may store pointers into ring buffer memory
# expect: leaks addr
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
jeq %r0, 0, out
stxdw [%r0+0], %r10
mov %r1, %r0
mov %r2, 0
call 132
out:
mov %r0, 0
exit
