# stack_zero_bytes.s - accepted: zeroed bytes read as zero.
# ctx: xdp
stw [%r10-8], 0
stw [%r10-4], 0
ldxdw %r0, [%r10-8]
exit
