# ctx_signext_egress.s - accepted: a sign-extending 4-byte load of egress_ifindex, like its ldxw.
# ctx: xdp
# kernel: skip the kernel lets only BPF_XDP_DEVMAP programs read egress_ifindex (ldxw or ldxsw); we accept the field for every XDP program (the engines give 0), so ldxsw follows ldxw
ldxsw %r0, [%r1+20]
and %r0, 1
exit
