# stack_off_wrap.s - rejected: a stack pointer moved down 2^32 bytes and back up by 2^32 - 8 in steps: its offset must not wrap.
# ctx: xdp
# rule: pointer offsets stay within 2^29 in total
# expect: pointer offset 1073741822 is not allowed
mov %r2, %r10
add %r2, 0x1fffffff
add %r2, 0x1fffffff
add %r2, 0x1fffffff
add %r2, 0x1fffffff
add %r2, 0x1fffffff
add %r2, 0x1fffffff
add %r2, 0x1fffffff
add %r2, 0x1fffffff
stdw [%r2+0], 0
mov %r0, 0
exit
