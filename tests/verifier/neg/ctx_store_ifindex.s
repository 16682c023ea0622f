# ctx_store_ifindex.s - rejected: a register stored into ingress_ifindex.
# ctx: xdp
# rule: the context is read only
# expect: invalid bpf_context access
mov %r2, 3
stxw [%r1+12], %r2
mov %r0, 0
exit
