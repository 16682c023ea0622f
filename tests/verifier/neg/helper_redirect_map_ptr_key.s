# helper_redirect_map_ptr_key.s - rejected: redirect_map with a pointer as the key.
# ctx: xdp
# rule: pointers are not passed as scalars
# policy: root may pass pointers as integers
# maps: devmap:4:4:4
# ref: 0 0
# expect: leaks addr
lddw %r1, 0
mov %r2, %r10
mov %r3, 0
call 51
exit
