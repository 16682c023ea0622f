# stack_spill_32.s - rejected: a 4-byte spill of a pointer.
# ctx: xdp
# rule: pointers are spilled whole
# expect: partial store of a pointer
stxw [%r10-8], %r1
mov %r0, 0
exit
