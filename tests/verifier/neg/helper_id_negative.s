# helper_id_negative.s - rejected: a helper call with a negative id.
# ctx: xdp
# rule: helper ids must exist
# expect: invalid func
call -1
mov %r0, 0
exit
