# bounds_jmp32_refine.s - rejected: 64-bit bounds [1, 2^32+1] with a 32-bit check w <= 1: the value may still be 2^32.
# ctx: xdp
# rule: 32-bit checks refine 64-bit bounds soundly
# expect: unbounded memory access
# maps: array:4:16:1
# refval: 0 0 0
lddw %r0, 0
ldxdw %r1, [%r0+0]
jlt %r1, 1, out
lddw %r2, 0x100000001
jgt %r1, %r2, out
jgt32 %r1, 1, out
sub %r1, 1
add %r0, %r1
ldxb %r0, [%r0+0]
exit
out:
mov %r0, 0
exit
