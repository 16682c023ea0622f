# cb_reads_r6.s - rejected: a bpf_loop callback reads r6, which it was not given.
# ctx: xdp
# rule: a callback gets r1 and r2 only
# func: 0 8
# expect: R6 !read_ok
lddw %r2, 0
mov %r1, 4
mov %r3, 0
mov %r4, 0
call 181
mov %r0, 0
exit
cb:
mov %r0, %r6
exit
