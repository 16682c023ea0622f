# map_value_var_signed.s - rejected: a map value index bounded above by a signed check only.
# ctx: xdp
# rule: variable offsets need both bounds
# expect: unbounded min value
# maps: array:4:64:1
# ref: 3 0
stw [%r10-4], 0
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
jeq %r0, 0, out
ldxdw %r1, [%r0+0]
jsgt %r1, 60, out
add %r0, %r1
ldxb %r0, [%r0+0]
exit
out:
mov %r0, 0
exit
