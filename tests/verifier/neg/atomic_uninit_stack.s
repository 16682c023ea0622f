# atomic_uninit_stack.s - rejected: atomics read what they modify.
# ctx: xdp
# rule: atomics read what they modify
# expect: invalid read from stack
# policy: the kernel lets root read uninitialised stack
mov %r2, 1
lock add [%r10-8], %r2
mov %r0, 0
exit
