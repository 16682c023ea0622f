# ref_submit_map_value.s - rejected: a map value submitted as a sample.
# ctx: xdp
# rule: only samples are submitted
# maps: array:4:8:1
# refval: 0 0 0
# expect: expected=ringbuf_mem
lddw %r1, 0
mov %r2, 0
call 132
mov %r0, 0
exit
