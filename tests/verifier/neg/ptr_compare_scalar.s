# ptr_compare_scalar.s - rejected: a packet pointer compared with a non-zero constant.
# ctx: xdp
# rule: pointer comparisons only against NULL or the packet end
# policy: root may compare pointers
# expect: pointer comparison prohibited
ldxw %r2, [%r1+0]
mov %r0, 0
jgt %r2, 4096, +1
mov %r0, 1
exit
