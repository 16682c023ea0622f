# map_store_pointer.s - rejected: no pointer stored into a map value.
# ctx: xdp
# rule: no pointer stored into a map value
# policy: root may store pointers (address leak)
# expect: leaks addr
# maps: array:4:8:1
# ref: 3 0
stw [%r10-4], 0
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
jeq %r0, 0, out
stxdw [%r0+0], %r10
out:
mov %r0, 0
exit
