# scalar_minus_ptr.s - rejected: scalar minus pointer.
# ctx: xdp
# rule: scalar minus pointer
# expect: subtract pointer from scalar
mov %r2, 8
sub %r2, %r10
mov %r0, 0
exit
