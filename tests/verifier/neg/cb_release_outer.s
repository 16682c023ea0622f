# cb_release_outer.s - rejected: a callback submits a sample the caller reserved.
# ctx: xdp
# rule: a callback releases only its own references
# maps: ringbuf:0:0:4096
# ref: 0 0
# func: 9 19
# expect: acquired outside the callback
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
jeq %r0, 0, out
stxdw [%r10-8], %r0
mov %r3, %r10
add %r3, -8
lddw %r2, 0
mov %r1, 1
mov %r4, 0
call 181
ldxdw %r1, [%r10-8]
mov %r2, 0
call 133
out:
mov %r0, 0
exit
cb:
ldxdw %r1, [%r2+0]
mov %r2, 0
call 132
mov %r0, 0
exit
