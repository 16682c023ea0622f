// SPDX-License-Identifier: BSD-2-Clause
/*
 * off_pin_a.c - registry test object: the map 'shared' pinned by name (as xdp-tools pins its
 * maps), which the port's objects share, and a map of its own ('own_a'). Each frame adds 1 to
 * shared[0] and own_a[0]; passes.
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

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, __u32);
	__uint(max_entries, 1);
} own_a SEC(".maps");

SEC("xdp")
int pin_a(struct xdp_md *ctx)
{
	__u32 k = 0, *o = bpf_map_lookup_elem(&own_a, &k);
	__u64 *s = bpf_map_lookup_elem(&shared, &k);

	if (s)
		__sync_fetch_and_add(s, 1);
	if (o)
		__sync_fetch_and_add(o, 1);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
