# guest_ringbuf_output_uninit.s - rejected: a guest's ringbuf_output data is unwritten stack.
# ctx: xdp
# rule: uninitialised stack never reaches anything the program emits
# class: guest
# policy: the kernel lets root read uninitialised stack
# maps: ringbuf:0:0:4096
# ref: 2 0
# expect: invalid indirect read from stack
mov %r2, %r10
add %r2, -16
lddw %r1, 0
mov %r3, 16
mov %r4, 0
call 130
mov %r0, 0
exit
