# lddw_bad_map.s - rejected: map references name the program's maps.
# ctx: xdp
# rule: map references name the program's maps
# expect: not a map of this program
# ref: 0 3
lddw %r1, 0
mov %r0, 0
exit
