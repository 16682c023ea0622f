# helper_key_map_value_end.s - rejected: a key read from the last 2 bytes of a map value.
# ctx: xdp
# rule: helper memory in a map value fits the value
# maps: hash:4:8:16
# maps: array:4:8:1
# refval: 0 1 6
# ref: 2 0
# expect: invalid access to map value
lddw %r2, 0
lddw %r1, 0
call 1
mov %r0, 0
exit
