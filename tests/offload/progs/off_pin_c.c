// SPDX-License-Identifier: BSD-2-Clause
/*
 * off_pin_c.c - registry test object whose only map is 'shared', pinned by name as in
 * off_pin_a/b (like xdp-filter, whose maps are all pinned): on a port that already has
 * 'shared' it creates no map at all. Each frame adds 1 to shared[1]; passes.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, 4);
	__uint(pinning, LIBBPF_PIN_BY_NAME);
} shared SEC(".maps");

SEC("xdp")
int pin_c(struct xdp_md *ctx)
{
	__u32 k = 1;
	__u64 *s = bpf_map_lookup_elem(&shared, &k);

	if (s)
		__sync_fetch_and_add(s, 1);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
