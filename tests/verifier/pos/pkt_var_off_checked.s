# pkt_var_off_checked.s - accepted: a variable offset (0..63) into the packet, checked after the add.
# ctx: xdp
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
ldxw %r5, [%r1+16]
and %r5, 63
add %r2, %r5
mov %r4, %r2
add %r4, 4
jgt %r4, %r3, out
ldxw %r0, [%r2+0]
and %r0, 1
exit
out:
mov %r0, 2
exit
