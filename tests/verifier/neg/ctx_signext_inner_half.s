# ctx_signext_inner_half.s - rejected: a 2-byte sign-extending load of the high half of rx_queue_index.
# ctx: xdp
# rule: context loads are whole fields, sign-extending ones too
# expect: invalid bpf_context access off=18 size=2
ldxsh %r0, [%r1+18]
exit
