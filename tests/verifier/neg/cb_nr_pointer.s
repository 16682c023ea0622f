# cb_nr_pointer.s - rejected: bpf_loop's count is a pointer.
# ctx: xdp
# rule: pointers are not passed as scalars (the kernel 6.18 rejects it too, reporting "verifier bug: backtracking misuse")
# func: 0 8
# expect: leaks addr
lddw %r2, 0
mov %r1, %r10
mov %r3, 0
mov %r4, 0
call 181
mov %r0, 0
exit
cb:
mov %r0, 0
exit
