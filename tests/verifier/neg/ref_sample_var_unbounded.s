# ref_sample_var_unbounded.s - rejected: a write into a sample at an unbounded variable offset.
# ctx: xdp
# rule: sample accesses are bounded
# expect: unbounded memory access
# maps: ringbuf:0:0:4096
# ref: 1 0
ldxw %r6, [%r1+16]
lddw %r1, 0
mov %r2, 64
mov %r3, 0
call 131
jeq %r0, 0, out
add %r0, %r6
stb [%r0+0], 1
mov %r1, %r0
mov %r2, 0
call 133
out:
mov %r0, 0
exit
