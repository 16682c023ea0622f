# ptr_ctx_minus_pkt.s - rejected: the context minus a packet pointer.
# ctx: xdp
# rule: pointer minus pointer only within the packet
# policy: root may subtract unrelated pointers (address leak)
# expect: pointer -= pointer prohibited
ldxw %r2, [%r1+0]
sub %r1, %r2
mov %r0, 0
exit
