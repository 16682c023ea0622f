# guest_update_spilled_ptr.s - rejected: a guest's map update value holds a spilled pointer.
# ctx: xdp
# rule: no pointer reaches a helper's data
# class: guest
# policy: root may pass pointers as helper data
# maps: hash:4:8:16
# ref: 6 0
# expect: leaks addr into helper
stw [%r10-4], 0
stxdw [%r10-16], %r1
mov %r2, %r10
add %r2, -4
mov %r3, %r10
add %r3, -16
lddw %r1, 0
mov %r4, 0
call 2
mov %r0, 0
exit
