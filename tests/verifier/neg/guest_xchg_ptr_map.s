# guest_xchg_ptr_map.s - rejected: a guest exchanges a pointer into a map value.
# ctx: xdp
# rule: no pointer reaches a map
# expect: leaks addr into mem
# class: guest
# policy: root may store pointers into map values
# maps: array:4:8:1
# refval: 0 0 0
lddw %r1, 0
mov %r2, %r10
lock xchg [%r1+0], %r2
mov %r0, 0
exit
