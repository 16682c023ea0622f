# helper_redirect_map_uninit_flags.s - rejected: redirect_map with its flags never written.
# ctx: xdp
# rule: arguments are initialised
# maps: devmap:4:4:4
# ref: 0 0
# expect: R3 !read_ok
lddw %r1, 0
mov %r2, 0
call 51
exit
