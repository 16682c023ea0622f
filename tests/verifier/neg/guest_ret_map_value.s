# guest_ret_map_value.s - rejected: a guest returns a map value pointer.
# ctx: xdp
# rule: no pointer reaches the return value
# class: guest
# policy: root may return pointers
# maps: array:4:8:1
# refval: 0 0 0
# expect: R0 is not a known value
lddw %r0, 0
exit
