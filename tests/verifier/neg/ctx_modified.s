# ctx_modified.s - rejected: no loads through a moved ctx pointer.
# ctx: xdp
# rule: no loads through a moved ctx pointer
# expect: dereference of modified ctx ptr
add %r1, 4
ldxw %r0, [%r1+0]
exit
