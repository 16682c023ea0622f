# cb_tail_call.s - rejected: a bpf_loop callback fills the context from the caller's stack and tail-calls.
# ctx: xdp
# rule: no tail call from a callback (the kernel 6.18 rejects it too, reporting "verifier bug: callback unexpected regs 1")
# expect: tail_call is not allowed in a callback
# maps: prog_array:4:4:4
# ref: 11 0
# func: 3 10
stxdw [%r10-8], %r1
mov %r3, %r10
add %r3, -8
lddw %r2, 0
mov %r1, 1
mov %r4, 0
call 181
mov %r0, 2
exit
ldxdw %r1, [%r2+0]
lddw %r2, 0
mov %r3, 0
call 12
mov %r0, 0
exit
