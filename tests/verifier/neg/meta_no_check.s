# meta_no_check.s - rejected: metadata reads need a proven range.
# ctx: xdp
# rule: metadata reads need a proven range
# expect: invalid access to packet
ldxw %r2, [%r1+8]
ldxb %r0, [%r2+0]
exit
