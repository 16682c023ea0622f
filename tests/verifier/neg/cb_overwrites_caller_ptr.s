# cb_overwrites_caller_ptr.s - rejected: a callback overwrites the caller's spilled packet pointer with a number; the caller then dereferences it.
# ctx: xdp
# rule: a callback's writes to the caller's stack reach the caller
# func: 8 18
# expect: invalid mem access 'scalar'
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r4, %r2
add %r4, 8
jgt %r4, %r3, out
stxdw [%r10-8], %r2
mov %r3, %r10
add %r3, -8
lddw %r2, 0
mov %r1, 1
mov %r4, 0
call 181
ldxdw %r5, [%r10-8]
ldxb %r0, [%r5+0]
exit
out:
mov %r0, 2
exit
mov %r1, 4096
stxdw [%r2+0], %r1
mov %r0, 0
exit
