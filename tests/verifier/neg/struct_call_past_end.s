# struct_call_past_end.s - rejected: a bpf-to-bpf call targets no instruction.
# ctx: xdp
# rule: calls target an instruction of the program
# expect: out of range
call local +10
mov %r0, 0
exit
