# map_array_const_key_clobbered.s - rejected: key 1 stored, then its high byte overwritten with a number from the packet: the key is no longer known.
# ctx: xdp
# rule: a narrow constant stays known only while its bytes are untouched
# expect: invalid mem access 'map_value_or_null'
# maps: array:4:8:4
# ref: 6 0
ldxw %r3, [%r1+16]
stw [%r10-8], 1
stxb [%r10-5], %r3
mov %r2, %r10
add %r2, -8
mov %r0, 0
lddw %r1, 0
call 1
ldxdw %r0, [%r0+0]
exit
