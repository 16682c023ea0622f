# ctx_signext_data_end_b.s - rejected: a 1-byte sign-extending load of data_end.
# ctx: xdp
# rule: context loads are 4 bytes, sign-extending ones too
# expect: invalid bpf_context access off=4 size=1
ldxsb %r0, [%r1+4]
exit
