# guest_ret_pkt.s - rejected: a guest returns a packet pointer.
# ctx: xdp
# rule: no pointer reaches the return value
# class: guest
# policy: root may return pointers
# expect: R0 is not a known value
ldxw %r0, [%r1+0]
exit
