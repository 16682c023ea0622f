# map_percpu_oob.s - rejected: a per-CPU array value read past value_size.
# ctx: xdp
# rule: map value accesses fit the value
# maps: percpu_array:4:8:2
# ref: 3 0
# expect: invalid access to map value
stw [%r10-4], 0
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
jeq %r0, 0, out
ldxdw %r0, [%r0+8]
exit
out:
mov %r0, 0
exit
