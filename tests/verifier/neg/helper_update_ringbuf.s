# helper_update_ringbuf.s - rejected: map_update_elem on a ring buffer.
# ctx: xdp
# rule: helpers take the map types they accept
# maps: ringbuf:0:0:4096
# ref: 3 0
# expect: does not take this map type
stdw [%r10-8], 0
mov %r2, %r10
add %r2, -8
lddw %r1, 0
mov %r3, %r2
mov %r4, 0
call 2
mov %r0, 0
exit
