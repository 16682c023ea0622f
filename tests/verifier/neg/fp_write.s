# fp_write.s - rejected: r10 is read only.
# ctx: xdp
# rule: r10 is read only
# expect: r10
mov %r10, 0
mov %r0, 0
exit
