# map_array_key_over_spill.s - accepted: a key slot zeroed whole first, then key 1 stored in its low 4 bytes: still a known key (the kernel keeps it), so the lookup cannot miss (a fuzz_verifier find).
# ctx: xdp
# kernel: since 6.14
# maps: array:4:8:4
# ref: 4 0
stdw [%r10-8], 0
stw [%r10-8], 1
mov %r2, %r10
add %r2, -8
lddw %r1, 0
call 1
ldxdw %r0, [%r0+0]
exit
