# callback_loop.s - accepted: bpf_loop with a callback updating the caller's stack.
# ctx: xdp
# func: 2 10
stdw [%r10-8], 0
mov %r3, %r10
lddw %r2, 0
add %r3, -8
mov %r1, 4
mov %r4, 0
call 181
ldxdw %r0, [%r10-8]
exit
ldxdw %r3, [%r2+0]
add %r3, 1
stxdw [%r2+0], %r3
mov %r0, 0
exit
