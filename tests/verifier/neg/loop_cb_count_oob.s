# loop_cb_count_oob.s - rejected: the same callback run up to 17 times writes one byte past the array, at the frame pointer.
# ctx: xdp
# rule: bpf_loop explores as many iterations as the loop count allows
# expect: invalid write to stack
# func: 5 12
stdw [%r10-24], 0
stdw [%r10-16], 0
stdw [%r10-8], 0
mov %r3, %r10
add %r3, -24
lddw %r2, 0
mov %r1, 17
mov %r4, 0
call 181
ldxb %r0, [%r10-1]
exit
ldxdw %r3, [%r2+0]
mov %r4, %r2
add %r4, 8
add %r4, %r3
stb [%r4+0], 1
add %r3, 1
stxdw [%r2+0], %r3
mov %r0, 0
exit
