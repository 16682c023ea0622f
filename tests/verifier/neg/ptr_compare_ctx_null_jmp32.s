# ptr_compare_ctx_null_jmp32.s - rejected: a 32-bit comparison of a stack pointer.
# ctx: xdp
# rule: no 32-bit comparisons of pointers
# expect: pointer comparison prohibited
# policy: root may compare pointer halves
mov %r2, %r10
mov %r0, 0
jeq32 %r2, 0, +1
mov %r0, 1
exit
