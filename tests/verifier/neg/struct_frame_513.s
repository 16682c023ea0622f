# struct_frame_513.s - rejected: a store 520 bytes below the frame pointer.
# ctx: xdp
# rule: one frame is at most 512 bytes
# expect: invalid write to stack
stdw [%r10-520], 0
mov %r0, 0
exit
