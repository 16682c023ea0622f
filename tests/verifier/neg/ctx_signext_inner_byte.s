# ctx_signext_inner_byte.s - rejected: a 1-byte sign-extending load of the top byte of ingress_ifindex.
# ctx: xdp
# rule: context loads are whole fields, sign-extending ones too
# expect: invalid bpf_context access off=15 size=1
ldxsb %r0, [%r1+15]
exit
