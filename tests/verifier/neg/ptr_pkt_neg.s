# ptr_pkt_neg.s - rejected: a packet pointer negated.
# ctx: xdp
# rule: no negation of pointers
# policy: root may turn a pointer into a scalar (address leak)
# expect: neg operator prohibited
ldxw %r2, [%r1+0]
neg %r2
mov %r0, 0
exit
