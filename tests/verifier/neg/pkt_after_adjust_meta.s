# pkt_after_adjust_meta.s - rejected: adjust_meta invalidates packet pointers.
# ctx: xdp
# rule: helpers that move the packet invalidate its pointers
# expect: !read_ok
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r6, %r1
mov %r4, %r2
add %r4, 8
jgt %r4, %r3, out
mov %r7, %r2
mov %r1, %r6
mov %r2, -8
call 54
ldxb %r0, [%r7+0]
exit
out:
mov %r0, 1
exit
