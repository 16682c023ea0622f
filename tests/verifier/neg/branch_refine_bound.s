# branch_refine_bound.s - rejected: a bound check on one edge only.
# ctx: xdp
# rule: a bound check on one edge only
# expect: unbounded memory access
# maps: array:4:16:1
# ref: 3 0
stw [%r10-4], 0
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
jeq %r0, 0, out
ldxw %r1, [%r0+0]
jlt %r1, 16, out
add %r0, %r1
ldxb %r0, [%r0+0]
exit
out:
mov %r0, 0
exit
