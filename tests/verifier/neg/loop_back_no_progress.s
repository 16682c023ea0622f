# loop_back_no_progress.s - rejected: a loop whose state never changes, hidden behind a conditional.
# ctx: xdp
# rule: no loops that never end
# expect: infinite loop detected
mov %r0, 0
ldxw %r2, [%r1+16]
loop:
jeq %r2, 0, loop
exit
