# loop_callback_in_loop.s - rejected: bpf_loop called again from its own callback's body, by reference.
# ctx: xdp
# rule: no recursion through callbacks
# expect: recursive call
# func: 0 8
# func: 8 8
lddw %r2, 0
mov %r1, 4
mov %r3, 0
mov %r4, 0
call 181
mov %r0, 0
exit
cb:
lddw %r2, 0
mov %r1, 4
mov %r3, 0
mov %r4, 0
call 181
mov %r0, 0
exit
