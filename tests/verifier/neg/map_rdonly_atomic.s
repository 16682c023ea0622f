# map_rdonly_atomic.s - rejected: an atomic add on a read-only map value.
# ctx: xdp
# rule: read-only maps are not written
# maps: array:4:8:1:ro
# refval: 0 0 0
# expect: write into map forbidden
lddw %r1, 0
mov %r2, 1
lock add [%r1+0], %r2
mov %r0, 0
exit
