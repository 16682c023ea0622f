# ringbuf_ok.s - accepted: reserve, write, submit.
# ctx: xdp
# maps: ringbuf:0:0:4096
# ref: 0 0
lddw %r1, 0
mov %r2, 16
mov %r3, 0
call 131
jeq %r0, 0, out
stdw [%r0+8], 1
mov %r1, %r0
mov %r2, 0
call 132
out:
mov %r0, 0
exit
