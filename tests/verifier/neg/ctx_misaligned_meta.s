# ctx_misaligned_meta.s - rejected: a load 2 bytes into data_meta.
# ctx: xdp
# rule: context loads are aligned
# expect: invalid bpf_context access
ldxw %r0, [%r1+10]
exit
