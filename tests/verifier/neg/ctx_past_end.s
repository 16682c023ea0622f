# ctx_past_end.s - rejected: a load just past the last xdp_md field.
# ctx: xdp
# rule: only the 6 xdp_md fields
# expect: invalid bpf_context access
ldxw %r0, [%r1+24]
exit
