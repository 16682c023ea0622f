# cb_adjust_head_caller_ptr.s - rejected: a callback moves the packet (context from the caller's stack) while the caller holds a checked packet pointer.
# ctx: xdp
# rule: packet changes in a callback reach the caller
# expect: R7 !read_ok
# func: 10 17
ldxw %r7, [%r1+0]
ldxw %r3, [%r1+4]
mov %r4, %r7
add %r4, 8
jgt %r4, %r3, out
stxdw [%r10-8], %r1
mov %r3, %r10
add %r3, -8
mov %r1, 1
mov %r4, 0
lddw %r2, 0
call 181
ldxb %r0, [%r7+0]
exit
out:
mov %r0, 2
exit
ldxdw %r1, [%r2+0]
mov %r2, 4
call 44
mov %r0, 0
exit
