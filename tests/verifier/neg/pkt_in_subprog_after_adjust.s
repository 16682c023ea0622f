# pkt_in_subprog_after_adjust.s - rejected: a callee moving the packet invalidates the caller's packet pointers.
# ctx: xdp
# rule: packet changes in a callee reach the caller
# expect: R7 !read_ok
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r4, %r2
add %r4, 8
jgt %r4, %r3, out
mov %r7, %r2
call local f
ldxb %r0, [%r7+0]
exit
out:
mov %r0, 1
exit
f:
mov %r2, 4
call 44
mov %r0, 0
exit
