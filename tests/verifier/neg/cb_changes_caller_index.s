# cb_changes_caller_index.s - rejected: a callback raises an index in the caller's stack; the caller then uses it on a map value.
# ctx: xdp
# rule: a callback's writes to the caller's stack reach the caller
# maps: array:4:16:1
# refval: 0 0 0
# func: 5 14
# expect: invalid access to map value
lddw %r6, 0
stdw [%r10-8], 0
mov %r3, %r10
add %r3, -8
lddw %r2, 0
mov %r1, 1
mov %r4, 0
call 181
ldxdw %r1, [%r10-8]
add %r6, %r1
ldxb %r0, [%r6+0]
exit
mov %r1, 100
stxdw [%r2+0], %r1
mov %r0, 0
exit
