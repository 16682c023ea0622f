# guest_redirect_ptr.s - rejected: a guest passes a pointer as redirect's ifindex.
# ctx: xdp
# rule: no pointer reaches a helper's scalar argument
# class: guest
# policy: root may pass pointers as integers
# expect: leaks addr
mov %r1, %r10
mov %r2, 0
call 23
exit
