# ref_leak_in_subprog.s - rejected: a callee reserves a sample and returns without releasing it.
# ctx: xdp
# rule: references are released before the program ends
# maps: ringbuf:0:0:4096
# ref: 3 0
# expect: unreleased reference
call local f
mov %r0, 0
exit
f:
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
mov %r0, 0
exit
