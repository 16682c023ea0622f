# tail_with_ref_in_subprog.s - rejected: a callee tail-calls while the caller holds a sample.
# ctx: xdp
# rule: no tail call while holding a sample
# policy: the kernel checks references at a tail call in the main function only; a tail call from a function would leak the caller's sample
# expect: reference leak
# maps: ringbuf:0:0:4096
# maps: prog_array:4:4:4
# ref: 1 0
# ref: 15 1
mov %r6, %r1
lddw %r1, 0
mov %r2, 8
mov %r3, 0
call 131
jeq %r0, 0, out
mov %r7, %r0
mov %r1, %r6
call local f
mov %r1, %r7
mov %r2, 0
call 133
out:
mov %r0, 0
exit
f:
lddw %r2, 0
mov %r3, 0
call 12
mov %r0, 0
exit
