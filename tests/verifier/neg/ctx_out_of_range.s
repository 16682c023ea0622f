# ctx_out_of_range.s - rejected: only the 6 xdp_md fields.
# ctx: xdp
# rule: only the 6 xdp_md fields
# expect: invalid bpf_context access
ldxw %r0, [%r1+24]
exit
