# helper_bad_id.s - rejected: helper ids must exist.
# ctx: xdp
# rule: helper ids must exist
# expect: invalid func
call 100000
mov %r0, 0
exit
