# ref_too_many.s - rejected: 17 samples held at once, more than the verifier tracks.
# ctx: xdp
# rule: the number of live references is bounded (16)
# expect: too many ring buffer samples
# maps: ringbuf:0:0:4096
# ref: 0 0
# ref: 6 0
# ref: 12 0
# ref: 18 0
# ref: 24 0
# ref: 30 0
# ref: 36 0
# ref: 42 0
# ref: 48 0
# ref: 54 0
# ref: 60 0
# ref: 66 0
# ref: 72 0
# ref: 78 0
# ref: 84 0
# ref: 90 0
# ref: 96 0
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
stxdw [%r10-8], %r0
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
stxdw [%r10-16], %r0
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
stxdw [%r10-24], %r0
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
stxdw [%r10-32], %r0
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
stxdw [%r10-40], %r0
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
stxdw [%r10-48], %r0
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
stxdw [%r10-56], %r0
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
stxdw [%r10-64], %r0
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
stxdw [%r10-72], %r0
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
stxdw [%r10-80], %r0
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
stxdw [%r10-88], %r0
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
stxdw [%r10-96], %r0
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
stxdw [%r10-104], %r0
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
stxdw [%r10-112], %r0
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
stxdw [%r10-120], %r0
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
stxdw [%r10-128], %r0
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
stxdw [%r10-136], %r0
mov %r0, 0
exit
