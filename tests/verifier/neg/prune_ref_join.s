# prune_ref_join.s - rejected: a sample released on one path only, joined by a copy of the state before the release.
# ctx: xdp
# rule: references are part of the pruned state
# maps: ringbuf:0:0:4096
# ref: 1 0
# expect: unreleased reference
ldxw %r6, [%r1+16]
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
jeq %r0, 0, out
jeq %r6, 0, join
mov %r1, %r0
mov %r2, 0
call 133
join:
mov %r0, 0
exit
out:
mov %r0, 0
exit
