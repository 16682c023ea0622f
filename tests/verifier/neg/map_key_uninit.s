# map_key_uninit.s - rejected: a key is initialised memory.
# ctx: xdp
# rule: a key is initialised memory
# policy: the kernel lets root read uninitialised stack
# expect: invalid indirect read from stack
# maps: hash:4:8:16
# ref: 2 0
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
mov %r0, 0
exit
