# ptr_ringbuf_or_null_arith.s - rejected: arithmetic on a sample before its NULL check.
# ctx: xdp
# rule: no arithmetic on _or_null pointers
# maps: ringbuf:0:0:4096
# ref: 0 0
# expect: null-check it first
lddw %r1, 0
mov %r2, 16
mov %r3, 0
call 131
add %r0, 8
mov %r0, 0
exit
