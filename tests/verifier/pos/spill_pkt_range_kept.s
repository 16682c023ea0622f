# spill_pkt_range_kept.s - accepted: a checked packet pointer spilled and filled keeps its range.
# ctx: xdp
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r4, %r2
add %r4, 8
jgt %r4, %r3, out
stxdw [%r10-8], %r2
call 7
ldxdw %r2, [%r10-8]
ldxdw %r0, [%r2+0]
and %r0, 1
exit
out:
mov %r0, 2
exit
