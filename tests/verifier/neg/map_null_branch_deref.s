# map_null_branch_deref.s - rejected: the map value dereferenced on the NULL edge.
# ctx: xdp
# rule: only the non-NULL edge may dereference
# expect: invalid mem access 'scalar'
# maps: hash:4:8:16
# ref: 3 0
stw [%r10-4], 0
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
jne %r0, 0, out
ldxdw %r0, [%r0+0]
exit
out:
mov %r0, 0
exit
