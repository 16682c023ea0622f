# ctx_signext_load.s - accepted: a sign-extending 4-byte load of rx_queue_index (the kernel allows it).
# ctx: xdp
ldxsw %r0, [%r1+16]
and %r0, 1
exit
