# ctx_signext_data_end_w.s - rejected: a sign-extending 4-byte load of the pointer field data_end.
# ctx: xdp
# rule: the pointer fields (data, data_end, data_meta) are loaded with ldxw only, never sign-extended
# expect: invalid bpf_context access off=4 size=4
ldxsw %r0, [%r1+4]
exit
