# movsx_bound.s - accepted: a sign-extended byte is within [-128, 127].
# ctx: xdp
# maps: array:4:256:1
# ref: 3 0
stw [%r10-4], 0
mov %r2, %r10
add %r2, -4
lddw %r1, 0
call 1
jeq %r0, 0, out
ldxsb %r1, [%r0+0]
add %r1, 128
add %r0, %r1
ldxb %r0, [%r0+0]
exit
out:
mov %r0, 0
exit
