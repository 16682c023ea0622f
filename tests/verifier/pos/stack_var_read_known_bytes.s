# stack_var_read_known_bytes.s - accepted: a variable-offset byte read over 24 bytes of narrow constants (a regression: the verifier once assembled such a span into one 64-bit value, shifting past 64 bits).
# ctx: xdp
# retval: 0
stw [%r10-24], 0
stw [%r10-20], 0
stw [%r10-16], 3
stw [%r10-12], 0
stw [%r10-8], 5
stw [%r10-4], 0
ldxw %r2, [%r1+16]
and %r2, 15
mov %r3, %r10
add %r3, -24
add %r3, %r2
ldxb %r0, [%r3+0]
and %r0, 0
exit
