# loop_countdown.s - accepted: a countdown loop with jne.
# ctx: xdp
mov %r1, 12
mov %r0, 0
loop:
add %r0, 2
sub %r1, 3
jne %r1, 0, loop
exit
