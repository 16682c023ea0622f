# meta_against_data_const.s - rejected: metadata checked against data + 100, which may lie past the end.
# ctx: xdp
# rule: metadata ranges are proven against data itself
# expect: invalid access to packet
ldxw %r2, [%r1+8]
ldxw %r3, [%r1+0]
add %r3, 100
mov %r4, %r2
add %r4, 64
jgt %r4, %r3, out
ldxdw %r0, [%r2+56]
exit
out:
mov %r0, 2
exit
