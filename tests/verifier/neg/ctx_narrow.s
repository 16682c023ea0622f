# ctx_narrow.s - rejected: context loads are 4 bytes.
# ctx: xdp
# rule: context loads are 4 bytes
# expect: invalid bpf_context access
ldxh %r0, [%r1+0]
exit
