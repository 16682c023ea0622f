# direct_value.s - accepted: a .data-style direct value reference.
# ctx: xdp
# maps: array:4:16:1
# refval: 0 0 8
lddw %r1, 0
ldxdw %r0, [%r1+0]
exit
