# pkt_loop_no_recheck.s - rejected: a loop advances the packet pointer without checking again.
# ctx: xdp
# rule: each access needs a range proven for it
# expect: invalid access to packet
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r4, %r2
add %r4, 8
jgt %r4, %r3, out
mov %r5, 0
mov %r0, 0
loop:
ldxb %r6, [%r2+0]
add %r0, %r6
add %r2, 1
add %r5, 1
jlt %r5, 16, loop
exit
out:
mov %r0, 2
exit
