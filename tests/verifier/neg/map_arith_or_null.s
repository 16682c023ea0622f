# map_arith_or_null.s - rejected: no arithmetic before the NULL check.
# ctx: xdp
# rule: no arithmetic before the NULL check
# expect: null-check it first
# maps: hash:4:8:16
# ref: 3 0
stw [%r10-4], 0
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
add %r0, 4
mov %r0, 0
exit
