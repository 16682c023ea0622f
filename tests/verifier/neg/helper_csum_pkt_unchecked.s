# helper_csum_pkt_unchecked.s - rejected: csum_diff over packet bytes not proven.
# ctx: xdp
# rule: helper memory in the packet needs a proven range
# expect: invalid access to packet
ldxw %r1, [%r1+0]
mov %r2, 4
mov %r3, 0
mov %r4, 0
mov %r5, 0
call 28
mov %r0, 0
exit
