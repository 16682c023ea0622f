# helper_printk_size_var.s - rejected: trace_printk with a format size that is not bounded.
# ctx: xdp
# rule: memory sizes are bounded
# expect: unbounded memory access
stdw [%r10-8], 0
ldxw %r2, [%r1+16]
mov %r1, %r10
add %r1, -8
call 6
mov %r0, 0
exit
