# map_array_const_key_nonzero.s - accepted: an array lookup with key 3 stored at an 8-byte aligned slot: the kernel keeps the 4-byte constant and elides the NULL check.
# ctx: xdp
# kernel: since 6.14
# maps: array:4:8:4
# ref: 3 0
stw [%r10-8], 3
mov %r2, %r10
add %r2, -8
lddw %r1, 0
call 1
ldxdw %r0, [%r0+0]
exit
