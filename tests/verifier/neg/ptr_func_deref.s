# ptr_func_deref.s - rejected: a load through a function reference.
# ctx: xdp
# rule: function references are not data pointers
# expect: invalid mem access 'func'
# func: 0 4
lddw %r1, 0
ldxdw %r0, [%r1+0]
exit
mov %r0, 0
exit
