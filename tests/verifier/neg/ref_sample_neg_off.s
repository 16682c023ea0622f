# ref_sample_neg_off.s - rejected: a write before the sample's start.
# ctx: xdp
# rule: sample accesses start inside
# expect: min value is outside of the allowed memory range
# maps: ringbuf:0:0:4096
# ref: 0 0
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
jeq %r0, 0, out
stdw [%r0-8], 1
mov %r1, %r0
mov %r2, 0
call 133
out:
mov %r0, 0
exit
