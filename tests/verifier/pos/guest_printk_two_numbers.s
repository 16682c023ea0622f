# guest_printk_two_numbers.s - accepted: a guest prints two numbers; r5 is not consumed.
# ctx: xdp
# class: guest
# maps: array:4:32:1:ro
# data: 0 %u %llx\n
# refval: 0 0 0
lddw %r1, 0
mov %r2, 10
mov %r3, 1
mov %r4, 2
call 6
mov %r0, 2
exit
