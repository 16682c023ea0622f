# meta_over_data.s - rejected: 4 bytes of metadata proven, 8 read.
# ctx: xdp
# rule: a load must fit the proven metadata range
# expect: invalid access to packet
ldxw %r2, [%r1+8]
ldxw %r3, [%r1+0]
mov %r4, %r2
add %r4, 4
jgt %r4, %r3, out
ldxdw %r0, [%r2+0]
exit
out:
mov %r0, 2
exit
