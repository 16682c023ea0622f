# scalar_deref.s - rejected: scalars are not pointers.
# ctx: xdp
# rule: scalars are not pointers
# expect: invalid mem access 'scalar'
mov %r2, 4096
ldxw %r0, [%r2+0]
exit
