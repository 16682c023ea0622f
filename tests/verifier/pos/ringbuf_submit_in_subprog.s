# ringbuf_submit_in_subprog.s - accepted: a sample reserved in main and submitted by a function.
# ctx: xdp
# maps: ringbuf:0:0:4096
# ref: 0 0
lddw %r1, 0
mov %r2, 16
mov %r3, 0
call 131
jeq %r0, 0, out
stdw [%r0+0], 1
stdw [%r0+8], 2
mov %r1, %r0
call local f
out:
mov %r0, 2
exit
f:
mov %r2, 0
call 132
mov %r0, 0
exit
