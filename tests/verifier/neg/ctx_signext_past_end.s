# ctx_signext_past_end.s - rejected: a sign-extending 4-byte load past the end of struct xdp_md.
# ctx: xdp
# rule: context loads stay inside struct xdp_md
# expect: invalid bpf_context access off=24 size=4
ldxsw %r0, [%r1+24]
exit
