# ctx_signext_ifindex.s - accepted: a sign-extending 4-byte load of ingress_ifindex (the kernel allows it).
# ctx: xdp
ldxsw %r0, [%r1+12]
rsh %r0, 63
exit
