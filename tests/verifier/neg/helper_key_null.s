# helper_key_null.s - rejected: NULL passed as the key.
# ctx: xdp
# rule: key arguments are memory
# expect: R2 type=scalar expected=fp
# maps: hash:4:8:16
# ref: 0 0
lddw %r1, 0
mov %r2, 0
call 3
mov %r0, 0
exit
