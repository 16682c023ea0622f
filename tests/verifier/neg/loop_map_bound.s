# loop_map_bound.s - rejected: a loop bounded by a value read from a map.
# ctx: xdp
# rule: loops end within the budget
# maps: array:4:8:1
# refval: 0 0 0
# expect: too complex
lddw %r1, 0
ldxdw %r2, [%r1+0]
mov %r0, 0
loop:
add %r0, 1
jlt %r0, %r2, loop
mov %r0, 0
exit
