# signed_checks.s - accepted: a signed index checked from both sides.
# ctx: xdp
# maps: array:4:64:1
# ref: 3 0
stw [%r10-4], 0
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
jeq %r0, 0, out
ldxdw %r1, [%r0+0]
jslt %r1, 0, out
jsgt %r1, 63, out
add %r0, %r1
ldxb %r0, [%r0+0]
exit
out:
mov %r0, 0
exit
