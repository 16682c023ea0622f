# struct_recursion_indirect.s - rejected: f calls g calls f.
# ctx: xdp
# rule: no recursion, direct or through other functions
# expect: recursive call
call local f
mov %r0, 0
exit
f:
call local g
mov %r0, 0
exit
g:
call local f
mov %r0, 0
exit
