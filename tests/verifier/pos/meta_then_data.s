# meta_then_data.s - accepted: metadata checked against data and read after adjust_meta.
# ctx: xdp
mov %r6, %r1
mov %r2, -8
call 54
jne %r0, 0, out
ldxw %r2, [%r6+8]
ldxw %r3, [%r6+0]
mov %r4, %r2
add %r4, 8
jgt %r4, %r3, out
stdw [%r2+0], 42
out:
mov %r0, 2
exit
