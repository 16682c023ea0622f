# ctx_signext_egress_ifindex_b.s - rejected: a 1-byte sign-extending load of egress_ifindex.
# ctx: xdp
# rule: context loads are 4 bytes, sign-extending ones too
# expect: invalid bpf_context access off=20 size=1
ldxsb %r0, [%r1+20]
exit
