# guest_store_stack_ptr_map.s - rejected: a guest stores a stack pointer into a map value.
# ctx: xdp
# rule: no pointer reaches a map
# class: guest
# policy: root may store pointers into map values
# maps: array:4:8:1
# refval: 0 0 0
# expect: leaks addr
lddw %r1, 0
stxdw [%r1+0], %r10
mov %r0, 0
exit
