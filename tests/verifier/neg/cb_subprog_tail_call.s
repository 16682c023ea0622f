# cb_subprog_tail_call.s - rejected: a function called from a bpf_loop callback tail-calls.
# ctx: xdp
# rule: no tail call under a callback
# policy: the kernel inlines bpf_loop and allows it; our engines run callbacks under the helper's frame, with nothing for a tail call to unwind into
# maps: prog_array:4:4:4
# ref: 14 0
# func: 3 10
# expect: tail_call is not allowed in a callback
stxdw [%r10-8], %r1
mov %r3, %r10
add %r3, -8
lddw %r2, 0
mov %r1, 1
mov %r4, 0
call 181
mov %r0, 2
exit
ldxdw %r1, [%r2+0]
call local f
mov %r0, 0
exit
f:
lddw %r2, 0
mov %r3, 0
call 12
mov %r0, 0
exit
