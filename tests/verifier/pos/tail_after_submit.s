# tail_after_submit.s - accepted: a tail call after the sample is submitted.
# ctx: xdp
# maps: ringbuf:0:0:4096
# maps: prog_array:4:4:4
# ref: 1 0
# ref: 11 1
mov %r6, %r1
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
jeq %r0, 0, tc
mov %r1, %r0
mov %r2, 0
call 133
tc:
mov %r1, %r6
lddw %r2, 0
mov %r3, 1
call 12
mov %r0, 2
exit
