# helper_key_scalar.s - rejected: a scalar passed as the key pointer.
# ctx: xdp
# rule: key arguments are memory
# maps: hash:4:8:16
# ref: 0 0
# expect: expected=
lddw %r1, 0
mov %r2, 16
call 1
mov %r0, 0
exit
