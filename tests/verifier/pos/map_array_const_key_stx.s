# map_array_const_key_stx.s - accepted: key 2 stored from a register (as clang emits it) at an 8-byte aligned slot: the lookup cannot miss, no NULL check needed.
# ctx: xdp
# kernel: since 6.14
# maps: array:4:8:4
# ref: 4 0
mov %r1, 2
stxw [%r10-8], %r1
mov %r2, %r10
add %r2, -8
lddw %r1, 0
call 1
ldxdw %r0, [%r0+0]
exit
