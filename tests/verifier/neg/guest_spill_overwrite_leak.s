# guest_spill_overwrite_leak.s - rejected: a guest overwrites half a spilled pointer and reads the rest as a number.
# ctx: xdp
# rule: guests may not overwrite part of a spilled pointer
# class: guest
# policy: root may read parts of a spilled pointer
# expect: corrupt spilled pointer
stxdw [%r10-8], %r10
stw [%r10-8], 0
ldxw %r0, [%r10-4]
exit
