# ref_lost_overwrite.s - rejected: the only copy of a sample overwritten.
# ctx: xdp
# rule: a reserved sample is submitted or discarded
# maps: ringbuf:0:0:4096
# ref: 0 0
# expect: unreleased reference
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
jeq %r0, 0, out
mov %r0, 0
exit
out:
mov %r0, 0
exit
