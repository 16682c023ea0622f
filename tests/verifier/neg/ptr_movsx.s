# ptr_movsx.s - rejected: a sign-extending move of a pointer.
# ctx: xdp
# rule: no truncated copies of pointers
# policy: root may turn a pointer into a scalar (address leak)
# expect: partial copy of pointer
movsx3264 %r2, %r1
mov %r0, 0
exit
