# ptr_jset.s - rejected: jset on a packet pointer.
# ctx: xdp
# rule: pointer comparisons only against NULL or the packet
# policy: root may test pointer bits
# expect: pointer comparison prohibited
ldxw %r2, [%r1+0]
mov %r0, 1
jset %r2, 1, +1
mov %r0, 2
exit
