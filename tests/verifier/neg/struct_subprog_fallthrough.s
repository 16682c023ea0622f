# struct_subprog_fallthrough.s - rejected: a function runs into the next one.
# ctx: xdp
# rule: the last instruction of each function ends it
# expect: last insn is not an exit or jmp
call local f
call local g
mov %r0, 0
exit
f:
mov %r0, 1
g:
mov %r0, 2
exit
