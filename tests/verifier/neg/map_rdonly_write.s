# map_rdonly_write.s - rejected: read-only maps are not written.
# ctx: xdp
# rule: read-only maps are not written
# expect: write into map forbidden
# maps: array:4:8:1:ro
# ref: 3 0
stw [%r10-4], 0
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
jeq %r0, 0, out
stdw [%r0+0], 1
out:
mov %r0, 0
exit
