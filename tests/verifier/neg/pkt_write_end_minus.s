# pkt_write_end_minus.s - rejected: a write at data_end minus 4.
# ctx: xdp
# rule: no arithmetic on the packet end
# expect: pointer arithmetic on pkt_end
ldxw %r3, [%r1+4]
add %r3, -4
stw [%r3+0], 0
mov %r0, 2
exit
