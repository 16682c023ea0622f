# ctx_signext_data_b.s - rejected: a 1-byte sign-extending load of data.
# ctx: xdp
# rule: context loads are 4 bytes, sign-extending ones too
# expect: invalid bpf_context access off=0 size=1
ldxsb %r0, [%r1+0]
exit
