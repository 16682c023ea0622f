# pkt_to_subprog.s - accepted: a checked packet pointer passed to a function.
# ctx: xdp
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r4, %r2
add %r4, 14
jgt %r4, %r3, out
mov %r1, %r2
call local f
exit
out:
mov %r0, 2
exit
f:
ldxh %r0, [%r1+12]
and %r0, 3
exit
