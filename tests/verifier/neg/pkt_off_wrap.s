# pkt_off_wrap.s - rejected: a packet pointer moved 2^32 bytes in steps below 2^29: its fixed offset must not wrap.
# ctx: xdp
# rule: pointer offsets stay within 2^29 in total
# expect: pointer offset 1073741822 is not allowed
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r5, 0x1fffffff
add %r2, %r5
add %r2, %r5
add %r2, %r5
add %r2, %r5
add %r2, %r5
add %r2, %r5
add %r2, %r5
add %r2, %r5
add %r2, 8
mov %r4, %r2
add %r4, 8
jgt %r4, %r3, out
ldxdw %r0, [%r2+0]
exit
out:
mov %r0, 2
exit
