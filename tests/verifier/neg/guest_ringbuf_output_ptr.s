# guest_ringbuf_output_ptr.s - rejected: a guest's ringbuf_output data holds a spilled pointer.
# ctx: xdp
# rule: no pointer reaches a helper's data
# class: guest
# policy: root may pass pointers as helper data
# maps: ringbuf:0:0:4096
# ref: 3 0
# expect: leaks addr into helper
stxdw [%r10-8], %r10
mov %r2, %r10
add %r2, -8
lddw %r1, 0
mov %r3, 8
mov %r4, 0
call 130
mov %r0, 0
exit
