# bounds_bswap.s - rejected: a byte-swapped 16-bit value used as if it were below 256.
# ctx: xdp
# rule: byte swap bounds
# expect: invalid access to map value
# maps: array:4:256:1
# refval: 0 0 0
lddw %r0, 0
ldxb %r1, [%r0+0]
be16 %r1
add %r0, %r1
ldxb %r0, [%r0+0]
exit
