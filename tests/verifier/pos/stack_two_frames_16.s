# stack_two_frames_16.s - accepted: frames of 272 and 240 bytes: 512 when rounded to 16 bytes as the kernel's JIT does.
# ctx: xdp
# kernel: since 6.14
stdw [%r10-272], 0
call local f
mov %r0, 0
exit
f:
stdw [%r10-240], 0
mov %r0, 0
exit
