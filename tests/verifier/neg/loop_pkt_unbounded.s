# loop_pkt_unbounded.s - rejected: a packet walk bounded only by the packet length.
# ctx: xdp
# rule: loops end within the budget
# expect: program too complex
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r0, 0
loop:
mov %r4, %r2
add %r4, 1
jgt %r4, %r3, out
ldxb %r5, [%r2+0]
add %r0, %r5
add %r2, 1
ja loop
out:
mov %r0, 2
exit
