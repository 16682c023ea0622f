# recursion.s - rejected: no recursion.
# ctx: xdp
# rule: no recursion
# expect: recursive call
call local f
mov %r0, 0
exit
f:
call local f
mov %r0, 0
exit
