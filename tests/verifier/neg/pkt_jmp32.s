# pkt_jmp32.s - rejected: 32-bit comparisons of packet pointers prove nothing.
# ctx: xdp
# rule: 32-bit comparisons of packet pointers prove nothing
# expect: invalid access to packet
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r4, %r2
add %r4, 8
jgt32 %r4, %r3, out
ldxb %r0, [%r2+0]
exit
out:
mov %r0, 1
exit
