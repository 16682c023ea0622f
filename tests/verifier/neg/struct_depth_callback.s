# struct_depth_callback.s - rejected: a callback at the ninth frame.
# ctx: xdp
# rule: callbacks count toward the call depth
# func: 16 22
# expect: too deep
call local f1
mov %r0, 0
exit
f1:
call local f2
exit
f2:
call local f3
exit
f3:
call local f4
exit
f4:
call local f5
exit
f5:
call local f6
exit
f6:
call local f7
exit
f7:
mov %r1, 1
lddw %r2, 0
mov %r3, 0
mov %r4, 0
call 181
exit
cb:
mov %r0, 0
exit
