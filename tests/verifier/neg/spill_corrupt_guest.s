# spill_corrupt_guest.s - rejected: guests may not overwrite part of a spilled pointer.
# ctx: xdp
# rule: guests may not overwrite part of a spilled pointer
# expect: corrupt spilled pointer
# policy: root may overwrite part of a spilled pointer
# class: guest
stxdw [%r10-8], %r10
stb [%r10-8], 0
mov %r0, 0
exit
