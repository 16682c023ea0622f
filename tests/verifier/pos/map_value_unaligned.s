# map_value_unaligned.s - accepted: 4- and 8-byte loads at map value offsets 2 and 5.
# ctx: xdp
# maps: array:4:16:1
# refval: 0 0 0
lddw %r1, 0
ldxw %r0, [%r1+2]
ldxdw %r2, [%r1+5]
add %r0, %r2
exit
