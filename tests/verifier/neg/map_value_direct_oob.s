# map_value_direct_oob.s - rejected: direct value references fit the value.
# ctx: xdp
# rule: direct value references fit the value
# expect: invalid access to map value
# maps: array:4:8:1
# refval: 0 0 4
lddw %r1, 0
ldxdw %r0, [%r1+0]
exit
