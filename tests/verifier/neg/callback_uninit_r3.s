# callback_uninit_r3.s - rejected: a bpf_loop callback gets r1 and r2 only.
# ctx: xdp
# rule: a bpf_loop callback gets r1 and r2 only
# expect: R3 !read_ok
# func: 0 8
lddw %r2, 0
mov %r1, 4
mov %r3, 0
mov %r4, 0
call 181
mov %r0, 0
exit
mov %r0, %r3
exit
