# ptr_map_deref.s - rejected: a load through a map reference.
# ctx: xdp
# rule: map references are not data pointers
# policy: root may read struct bpf_map fields through BTF; a guest may not read host memory
# expect: invalid mem access 'map_ptr'
# maps: array:4:8:1
# ref: 0 0
lddw %r1, 0
ldxdw %r0, [%r1+0]
exit
