# spill_fill_pkt.s - accepted: spilled packet pointers keep their range.
# ctx: xdp
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r4, %r2
add %r4, 14
jgt %r4, %r3, out
stxdw [%r10-8], %r2
ldxdw %r5, [%r10-8]
ldxb %r0, [%r5+13]
exit
out:
mov %r0, 1
exit
