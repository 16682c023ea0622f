# ctx_dw_data_end.s - rejected: an 8-byte load of data_end.
# ctx: xdp
# rule: context loads are 4 bytes
# expect: invalid bpf_context access
ldxdw %r0, [%r1+4]
exit
