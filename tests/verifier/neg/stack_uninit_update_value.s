# stack_uninit_update_value.s - rejected: a map update's value read from unwritten stack.
# ctx: xdp
# rule: helper memory is initialised (guest policy)
# policy: the kernel lets root pass uninitialised stack
# maps: hash:4:8:16
# ref: 5 0
# expect: invalid indirect read from stack
stw [%r10-4], 0
mov %r2, %r10
add %r2, -4
mov %r3, %r10
add %r3, -16
lddw %r1, 0
mov %r4, 0
call 2
mov %r0, 0
exit
