# map_value_var_wrap.s - rejected: a map value pointer plus a variable and constants adding to 2^32.
# ctx: xdp
# rule: pointer offsets stay within 2^29 in total
# expect: unbounded memory access
# maps: array:4:16:1
# refval: 0 0 0
lddw %r1, 0
ldxw %r2, [%r1+0]
and %r2, 0xfffffff
add %r1, %r2
add %r1, %r2
add %r1, %r2
add %r1, %r2
add %r1, %r2
add %r1, %r2
add %r1, %r2
add %r1, %r2
add %r1, %r2
add %r1, %r2
add %r1, %r2
add %r1, %r2
add %r1, %r2
add %r1, %r2
add %r1, %r2
add %r1, %r2
add %r1, %r2
ldxb %r0, [%r1+0]
exit
