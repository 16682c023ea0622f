# ctx_signext_rx_queue_index_b.s - rejected: a 1-byte sign-extending load of rx_queue_index.
# ctx: xdp
# rule: context loads are 4 bytes, sign-extending ones too
# expect: invalid bpf_context access off=16 size=1
ldxsb %r0, [%r1+16]
exit
