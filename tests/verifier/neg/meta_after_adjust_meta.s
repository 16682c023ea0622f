# meta_after_adjust_meta.s - rejected: adjust_meta invalidates metadata pointers.
# ctx: xdp
# rule: helpers that move the packet invalidate its pointers
# expect: !read_ok
ldxw %r2, [%r1+8]
ldxw %r3, [%r1+0]
mov %r6, %r1
mov %r4, %r2
add %r4, 4
jgt %r4, %r3, out
mov %r7, %r2
mov %r1, %r6
mov %r2, -4
call 54
ldxw %r0, [%r7+0]
exit
out:
mov %r0, 2
exit
