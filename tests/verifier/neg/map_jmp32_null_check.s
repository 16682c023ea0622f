# map_jmp32_null_check.s - rejected: a 32-bit NULL check of a map value.
# ctx: xdp
# rule: NULL checks are 64-bit
# expect: pointer comparison prohibited
# maps: hash:4:8:16
# ref: 3 0
stw [%r10-4], 0
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
jeq32 %r0, 0, out
ldxdw %r0, [%r0+0]
exit
out:
mov %r0, 0
exit
