# loop_checkpoint_cap.s - accepted: 64 label-style iterations storing packet bytes into a zeroed 64-byte stack buffer at fp-64+i.
# ctx: xdp
ldxw %r2, [%r1]
ldxw %r1, [%r1+4]
mov %r3, 0
stxdw [%r10-8], %r3
stxdw [%r10-16], %r3
stxdw [%r10-24], %r3
stxdw [%r10-32], %r3
stxdw [%r10-40], %r3
stxdw [%r10-48], %r3
stxdw [%r10-56], %r3
stxdw [%r10-64], %r3
mov %r4, 0
loop:
mov %r5, %r2
add %r5, %r3
mov %r0, 1
mov %r6, %r5
add %r6, 1
jgt %r6, %r1, out
ldxb %r5, [%r5]
mov %r0, %r4
lsh %r0, 32
rsh %r0, 32
jeq %r0, 0, length
# a byte of the current label: buf[i] = ch
mov %r0, %r10
add %r0, -64
add %r0, %r3
stxb [%r0], %r5
add %r4, -1
next:
add %r3, 1
jne %r3, 64, loop
done:
ldxdw %r1, [%r10-8]
ldxdw %r2, [%r10-40]
add %r2, %r1
ldxdw %r1, [%r10-24]
ldxdw %r3, [%r10-56]
add %r3, %r1
add %r3, %r2
ldxdw %r1, [%r10-16]
ldxdw %r2, [%r10-48]
add %r2, %r1
ldxdw %r1, [%r10-32]
ldxdw %r0, [%r10-64]
add %r0, %r1
add %r0, %r2
add %r0, %r3
and %r0, 3
ja out
# a length byte: 0 ends the name, above 63 is refused
length:
jeq %r5, 0, done
mov %r0, 0
jgt %r5, 63, out
mov %r4, %r5
ja next
out:
exit
