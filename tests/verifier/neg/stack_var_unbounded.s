# stack_var_unbounded.s - rejected: variable stack offsets must be bounded.
# ctx: xdp
# rule: variable stack offsets must be bounded
# expect: stack R2
call 7
and %r0, 65535
mov %r2, %r10
add %r2, %r0
stb [%r2-8], 0
mov %r0, 0
exit
