# helper_delete_key_uninit.s - rejected: a delete with an unwritten key.
# ctx: xdp
# rule: a key is initialised memory (guest policy)
# policy: the kernel lets root read uninitialised stack
# maps: hash:8:8:16
# ref: 2 0
# expect: invalid indirect read from stack
mov %r2, %r10
add %r2, -8
lddw %r1, 0
call 3
mov %r0, 0
exit
