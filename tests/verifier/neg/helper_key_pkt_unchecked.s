# helper_key_pkt_unchecked.s - rejected: a key in the packet with no range proven.
# ctx: xdp
# rule: helper memory in the packet needs a proven range
# maps: hash:4:8:16
# ref: 1 0
# expect: invalid access to packet
ldxw %r2, [%r1+0]
lddw %r1, 0
call 1
mov %r0, 0
exit
