# ctx_misaligned.s - rejected: context loads are aligned.
# ctx: xdp
# rule: context loads are aligned
# expect: invalid bpf_context access
ldxw %r0, [%r1+2]
exit
