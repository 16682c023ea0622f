# ctx_dw.s - rejected: context loads are 4 bytes.
# ctx: xdp
# rule: context loads are 4 bytes
# expect: invalid bpf_context access
ldxdw %r0, [%r1+0]
exit
