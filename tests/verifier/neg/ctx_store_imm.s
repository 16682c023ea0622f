# ctx_store_imm.s - rejected: an immediate stored into data_end.
# ctx: xdp
# rule: the context is read only
# expect: invalid bpf_context access
stw [%r1+4], 0
mov %r0, 0
exit
