# bounded_loop.s - accepted: a loop explored to its end.
# ctx: xdp
mov %r1, 0
loop:
mov %r2, %r10
add %r2, -64
add %r2, %r1
stb [%r2+0], 0
add %r1, 1
jlt %r1, 64, loop
ldxdw %r0, [%r10-64]
exit
