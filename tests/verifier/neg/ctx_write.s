# ctx_write.s - rejected: the context is read only.
# ctx: xdp
# rule: the context is read only
# expect: invalid bpf_context access
stw [%r1+0], 0
mov %r0, 0
exit
