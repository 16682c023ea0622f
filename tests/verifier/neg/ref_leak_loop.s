# ref_leak_loop.s - rejected: a sample reserved on each iteration, released only after the loop.
# ctx: xdp
# rule: released on every path
# expect: unreleased reference
# maps: ringbuf:0:0:4096
# ref: 1 0
mov %r6, 0
loop:
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
jeq %r0, 0, next
mov %r7, %r0
next:
add %r6, 1
jlt %r6, 2, loop
jeq %r7, 0, out
mov %r1, %r7
mov %r2, 0
call 133
out:
mov %r0, 0
exit
