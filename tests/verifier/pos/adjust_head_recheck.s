# adjust_head_recheck.s - accepted: packet pointers reloaded and checked again after adjust_head.
# ctx: xdp
mov %r6, %r1
mov %r2, -14
call 44
jne %r0, 0, out
ldxw %r2, [%r6+0]
ldxw %r3, [%r6+4]
mov %r4, %r2
add %r4, 14
jgt %r4, %r3, out
sth [%r2+12], 8
mov %r0, 3
exit
out:
mov %r0, 2
exit
