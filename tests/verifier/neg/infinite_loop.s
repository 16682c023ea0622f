# infinite_loop.s - rejected: no loops that never end.
# ctx: xdp
# rule: no loops that never end
# expect: infinite loop detected
mov %r0, 0
loop:
ja loop
