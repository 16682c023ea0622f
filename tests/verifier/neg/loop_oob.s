# loop_oob.s - rejected: a loop's last iteration is checked too.
# ctx: xdp
# rule: a loop's last iteration is checked too
# expect: invalid write to stack
mov %r1, 0
loop:
mov %r2, %r10
add %r2, -64
add %r2, %r1
stb [%r2+0], 0
add %r1, 1
jle %r1, 64, loop
mov %r0, 0
exit
