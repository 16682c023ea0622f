# ringbuf_submit_stack.s - rejected: only samples are submitted.
# ctx: xdp
# rule: only samples are submitted
# expect: expected=ringbuf_mem
mov %r1, %r10
add %r1, -8
mov %r2, 0
call 132
mov %r0, 0
exit
