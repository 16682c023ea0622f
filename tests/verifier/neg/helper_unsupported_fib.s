# helper_unsupported_fib.s - rejected: bpf_fib_lookup, which reveals the host's routing tables.
# ctx: xdp
# rule: helpers that expose host state are not offered
# policy: the host FIB is host state; the engine does not offer it
# expect: fib_lookup
mov %r0, 0
stdw [%r10-8], 0
mov %r2, %r10
add %r2, -64
mov %r3, 64
mov %r4, 0
call 69
mov %r0, 2
exit
