# ctx_signext_misaligned.s - rejected: a sign-extending 4-byte load across ingress_ifindex and rx_queue_index.
# ctx: xdp
# rule: context loads are aligned, sign-extending ones too
# expect: invalid bpf_context access off=14 size=4
ldxsw %r0, [%r1+14]
exit
