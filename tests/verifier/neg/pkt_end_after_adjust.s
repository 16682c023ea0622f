# pkt_end_after_adjust.s - rejected: data_end loaded before adjust_head proves nothing after it.
# ctx: xdp
# rule: helpers that move the packet invalidate the end too
# expect: R7 !read_ok
ldxw %r7, [%r1+4]
mov %r6, %r1
mov %r2, 4
call 44
ldxw %r2, [%r6+0]
mov %r4, %r2
add %r4, 8
jgt %r4, %r7, out
ldxb %r0, [%r2+0]
exit
out:
mov %r0, 1
exit
