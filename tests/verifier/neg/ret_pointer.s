# ret_pointer.s - rejected: r0 at exit must be a scalar.
# ctx: xdp
# rule: r0 at exit must be a scalar
# policy: root XDP programs may return pointers
# expect: R0 is not a known value
mov %r0, %r10
exit
