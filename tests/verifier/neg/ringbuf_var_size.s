# ringbuf_var_size.s - rejected: the reserved size is a constant.
# ctx: xdp
# rule: the reserved size is a constant
# expect: R2 is not a known constant
# maps: ringbuf:0:0:4096
# ref: 1 0
call 7
lddw %r1, 0
mov %r2, %r0
mov %r3, 0
call 131
jeq %r0, 0, out
mov %r1, %r0
mov %r2, 0
call 132
out:
mov %r0, 0
exit
