# converge_branches.s - accepted: the same 24 branches as neg/explode_branches.s, but r6 only
# goes to the stack and no decision depends on it: the paths' states are alike once the
# precision of r6 is ignored, so each join is explored once.
# ctx: xdp
ldxw %r2, [%r1+0]
ldxw %r3, [%r1+4]
mov %r4, %r2
add %r4, 24
jgt %r4, %r3, out
mov %r6, 0
ldxb %r5, [%r2+0]
jeq %r5, 0, skip0
or %r6, 1
skip0:
ldxb %r5, [%r2+1]
jeq %r5, 0, skip1
or %r6, 2
skip1:
ldxb %r5, [%r2+2]
jeq %r5, 0, skip2
or %r6, 4
skip2:
ldxb %r5, [%r2+3]
jeq %r5, 0, skip3
or %r6, 8
skip3:
ldxb %r5, [%r2+4]
jeq %r5, 0, skip4
or %r6, 16
skip4:
ldxb %r5, [%r2+5]
jeq %r5, 0, skip5
or %r6, 32
skip5:
ldxb %r5, [%r2+6]
jeq %r5, 0, skip6
or %r6, 64
skip6:
ldxb %r5, [%r2+7]
jeq %r5, 0, skip7
or %r6, 128
skip7:
ldxb %r5, [%r2+8]
jeq %r5, 0, skip8
or %r6, 256
skip8:
ldxb %r5, [%r2+9]
jeq %r5, 0, skip9
or %r6, 512
skip9:
ldxb %r5, [%r2+10]
jeq %r5, 0, skip10
or %r6, 1024
skip10:
ldxb %r5, [%r2+11]
jeq %r5, 0, skip11
or %r6, 2048
skip11:
ldxb %r5, [%r2+12]
jeq %r5, 0, skip12
or %r6, 4096
skip12:
ldxb %r5, [%r2+13]
jeq %r5, 0, skip13
or %r6, 8192
skip13:
ldxb %r5, [%r2+14]
jeq %r5, 0, skip14
or %r6, 16384
skip14:
ldxb %r5, [%r2+15]
jeq %r5, 0, skip15
or %r6, 32768
skip15:
ldxb %r5, [%r2+16]
jeq %r5, 0, skip16
or %r6, 65536
skip16:
ldxb %r5, [%r2+17]
jeq %r5, 0, skip17
or %r6, 131072
skip17:
ldxb %r5, [%r2+18]
jeq %r5, 0, skip18
or %r6, 262144
skip18:
ldxb %r5, [%r2+19]
jeq %r5, 0, skip19
or %r6, 524288
skip19:
ldxb %r5, [%r2+20]
jeq %r5, 0, skip20
or %r6, 1048576
skip20:
ldxb %r5, [%r2+21]
jeq %r5, 0, skip21
or %r6, 2097152
skip21:
ldxb %r5, [%r2+22]
jeq %r5, 0, skip22
or %r6, 4194304
skip22:
ldxb %r5, [%r2+23]
jeq %r5, 0, skip23
or %r6, 8388608
skip23:
stxdw [%r10-8], %r6
out:
mov %r0, 2
exit
