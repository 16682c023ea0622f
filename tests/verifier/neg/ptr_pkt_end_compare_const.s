# ptr_pkt_end_compare_const.s - rejected: data_end compared with a constant.
# ctx: xdp
# rule: pointer comparisons only against NULL or the packet
# policy: root may compare pointers
# expect: pointer comparison prohibited
ldxw %r3, [%r1+4]
mov %r0, 1
jgt %r3, 4096, +1
mov %r0, 2
exit
