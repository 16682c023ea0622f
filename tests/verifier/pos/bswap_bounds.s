# bswap_bounds.s - accepted: a byte swap of a 16-bit field keeps it below 65536 for an index.
# ctx: xdp
# maps: array:4:8:1
# refval: 8 0 0
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r4, %r2
add %r4, 14
jgt %r4, %r3, out
ldxh %r5, [%r2+12]
be16 %r5
jgt %r5, 7, out
lddw %r1, 0
add %r1, %r5
ldxb %r0, [%r1+0]
exit
out:
mov %r0, 2
exit
