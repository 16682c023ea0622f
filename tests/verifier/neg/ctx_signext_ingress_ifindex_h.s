# ctx_signext_ingress_ifindex_h.s - rejected: a 2-byte sign-extending load of ingress_ifindex.
# ctx: xdp
# rule: context loads are 4 bytes, sign-extending ones too
# expect: invalid bpf_context access off=12 size=2
ldxsh %r0, [%r1+12]
exit
