# loop_var_bound.s - accepted: a loop whose bound comes from the packet, masked to 0..7.
# ctx: xdp
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r4, %r2
add %r4, 16
jgt %r4, %r3, out
ldxb %r5, [%r2+0]
and %r5, 7
mov %r0, 0
mov %r6, 0
loop:
jge %r6, %r5, done
mov %r7, %r2
add %r7, %r6
ldxb %r8, [%r7+8]
add %r0, %r8
add %r6, 1
ja loop
done:
and %r0, 3
exit
out:
mov %r0, 2
exit
