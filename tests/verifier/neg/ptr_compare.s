# ptr_compare.s - rejected: pointer comparisons only against NULL or the packet end.
# ctx: xdp
# rule: pointer comparisons only against NULL or the packet end
# expect: pointer comparison prohibited
# policy: root may compare pointers
mov %r0, 0
jgt %r10, %r1, out
mov %r0, 1
out:
exit
