# map_array_const_key.s - accepted: an array lookup with a constant key 0 (stored from a register, as clang does) needs no NULL check (kernel 6.14+).
# ctx: xdp
# kernel: since 6.14
# maps: array:4:8:4
# ref: 4 0
mov %r1, 0
stxw [%r10-4], %r1
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
ldxdw %r0, [%r0+0]
exit
