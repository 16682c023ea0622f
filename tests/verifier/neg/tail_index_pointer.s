# tail_index_pointer.s - rejected: a tail call with a pointer as its index.
# ctx: xdp
# rule: pointers are not passed as scalars
# maps: prog_array:4:4:4
# ref: 2 0
# policy: root may pass pointers as integers
# expect: leaks addr
mov %r3, %r10
mov %r3, %r10
lddw %r2, 0
call 12
mov %r0, 2
exit
