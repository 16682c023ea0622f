# ctx_spilled_moved.s - rejected: a moved context pointer spilled, filled and dereferenced.
# ctx: xdp
# rule: no loads through a moved ctx pointer
# expect: dereference of modified ctx ptr
add %r1, 4
stxdw [%r10-8], %r1
ldxdw %r2, [%r10-8]
ldxw %r0, [%r2+0]
exit
