# map_rdonly_store_imm.s - rejected: an immediate stored into a read-only map value.
# ctx: xdp
# rule: read-only maps are not written
# maps: array:4:16:1:ro
# refval: 0 0 8
# expect: write into map forbidden
lddw %r1, 0
stw [%r1+0], 1
mov %r0, 0
exit
