# meta_against_end.s - rejected: metadata checked against data_end, not data.
# ctx: xdp
# rule: metadata ranges are proven against data
# expect: invalid access to packet
ldxw %r2, [%r1+8]
ldxw %r3, [%r1+4]
mov %r4, %r2
add %r4, 4
jgt %r4, %r3, out
ldxw %r0, [%r2+0]
exit
out:
mov %r0, 2
exit
