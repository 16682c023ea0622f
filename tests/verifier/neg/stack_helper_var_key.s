# stack_helper_var_key.s - rejected: a key at an unbounded variable stack offset.
# ctx: xdp
# rule: helper memory at variable stack offsets is bounded
# expect: invalid indirect access to stack
# maps: hash:4:8:16
# ref: 7 0
stdw [%r10-8], 0
stdw [%r10-16], 0
ldxw %r3, [%r1+16]
neg %r3
mov %r2, %r10
add %r2, -8
add %r2, %r3
lddw %r1, 0
call 1
mov %r0, 0
exit
