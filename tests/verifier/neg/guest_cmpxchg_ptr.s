# guest_cmpxchg_ptr.s - rejected: a guest compare-exchanges a pointer into its stack and reads it back as a number.
# ctx: xdp
# rule: no pointer becomes a scalar
# expect: leaks addr into mem
# class: guest
# policy: root may store pointers into its stack through atomics
stdw [%r10-8], 0
mov %r0, 0
mov %r2, %r10
lock cmpxchg [%r10-8], %r2
ldxdw %r0, [%r10-8]
exit
