# ptr_null_compare.s - accepted: a map value compared with NULL both ways.
# ctx: xdp
# maps: hash:4:8:16
# ref: 3 0
stw [%r10-4], 0
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
mov %r1, 0
jne %r0, 0, +2
mov %r0, 0
exit
ldxdw %r0, [%r0+0]
exit
