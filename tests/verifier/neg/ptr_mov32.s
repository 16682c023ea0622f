# ptr_mov32.s - rejected: no truncated copies of pointers.
# ctx: xdp
# rule: no truncated copies of pointers
# expect: partial copy of pointer
# policy: root may copy pointers as scalars
mov32 %r0, %r10
exit
