# reg_fp_add.s - rejected: r10 changed by arithmetic.
# ctx: xdp
# rule: r10 is read only
# expect: frame pointer r10 is read only
add %r10, -8
mov %r0, 0
exit
