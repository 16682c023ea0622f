# cb_key_escapes.s - rejected: a for_each_map_elem callback stores its key pointer in the caller's stack; the caller reads it after the helper returned.
# ctx: xdp
# rule: a callback's key dies with the iteration
# expect: cannot spill a callback's map key
# policy: the kernel lets the key pointer escape; an array's key lives in the helper's own frame, dead once it returns
# maps: array:4:8:4
# ref: 0 0
# func: 2 15
lddw %r1, 0
lddw %r2, 0
stdw [%r10-8], 0
mov %r3, %r10
add %r3, -8
mov %r4, 0
call 164
ldxdw %r5, [%r10-8]
jeq %r5, 0, out
ldxw %r0, [%r5+0]
exit
out:
mov %r0, 0
exit
stxdw [%r4+0], %r2
mov %r0, 1
exit
