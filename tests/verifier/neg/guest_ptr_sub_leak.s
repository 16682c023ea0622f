# guest_ptr_sub_leak.s - rejected: a guest turns a stack pointer into a number by subtracting a map value pointer.
# ctx: xdp
# rule: no pointer becomes a scalar
# class: guest
# policy: root may subtract unrelated pointers
# maps: array:4:8:1
# refval: 0 0 0
# expect: pointer -= pointer prohibited
lddw %r1, 0
mov %r2, %r10
sub %r2, %r1
mov %r0, 0
exit
