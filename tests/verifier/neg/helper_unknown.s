# helper_unknown.s - rejected: unknown helpers are refused by name.
# ctx: xdp
# rule: unknown helpers are refused by name
# expect: probe_read
call 4
mov %r0, 0
exit
