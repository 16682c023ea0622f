# ptr_compare_stack_map.s - rejected: a stack pointer compared with a map value pointer.
# ctx: xdp
# rule: pointer comparisons only against NULL or the packet end
# policy: root may compare pointers
# maps: array:4:8:1
# refval: 0 0 0
# expect: pointer comparison prohibited
lddw %r1, 0
mov %r2, %r10
mov %r0, 0
jgt %r1, %r2, +1
mov %r0, 1
exit
