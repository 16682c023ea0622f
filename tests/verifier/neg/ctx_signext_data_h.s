# ctx_signext_data_h.s - rejected: a 2-byte sign-extending load of data.
# ctx: xdp
# rule: context loads are 4 bytes, sign-extending ones too
# expect: invalid bpf_context access off=0 size=2
ldxsh %r0, [%r1+0]
exit
