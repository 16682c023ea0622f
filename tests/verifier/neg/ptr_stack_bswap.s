# ptr_stack_bswap.s - rejected: a stack pointer byte-swapped.
# ctx: xdp
# rule: no byte swaps of pointers
# policy: root may turn a pointer into a scalar (address leak)
# expect: byte swap of a pointer prohibited
mov %r1, %r10
be64 %r1
mov %r0, 0
exit
