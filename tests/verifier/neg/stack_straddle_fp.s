# stack_straddle_fp.s - rejected: an 8-byte store at fp-4 straddles the frame pointer.
# ctx: xdp
# rule: stack accesses end inside the frame
# expect: misaligned stack access
stw [%r10-8], 0
stdw [%r10-4], 0
mov %r0, 0
exit
