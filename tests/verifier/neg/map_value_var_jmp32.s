# map_value_var_jmp32.s - rejected: a map value index bounded by a 32-bit check, its high half unknown.
# ctx: xdp
# rule: a 32-bit check bounds only the low half
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
jgt32 %r1, 60, out
add %r0, %r1
ldxb %r0, [%r0+0]
exit
out:
mov %r0, 0
exit
