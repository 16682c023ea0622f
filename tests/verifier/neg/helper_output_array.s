# helper_output_array.s - rejected: ringbuf_output on an array.
# ctx: xdp
# rule: ringbuf helpers take ring buffers
# maps: array:4:8:1
# ref: 3 0
# expect: not a ring buffer
stdw [%r10-8], 0
mov %r2, %r10
add %r2, -8
lddw %r1, 0
mov %r3, 8
mov %r4, 0
call 130
mov %r0, 0
exit
