# map_percpu_const_key.s - accepted: a per-CPU array lookup with a constant in-range key needs no NULL check.
# ctx: xdp
# kernel: since 6.14
# maps: percpu_array:4:8:4
# ref: 3 0
stw [%r10-4], 0
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
ldxdw %r0, [%r0+0]
exit
