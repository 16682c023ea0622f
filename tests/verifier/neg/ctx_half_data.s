# ctx_half_data.s - rejected: a 2-byte load of data.
# ctx: xdp
# rule: pointer fields are loaded whole
# expect: invalid bpf_context access
ldxh %r0, [%r1+0]
exit
