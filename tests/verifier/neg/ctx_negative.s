# ctx_negative.s - rejected: a load before the context.
# ctx: xdp
# rule: only the 6 xdp_md fields
# expect: invalid bpf_context access
ldxw %r0, [%r1-4]
exit
