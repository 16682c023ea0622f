// SPDX-License-Identifier: BSD-2-Clause
/*
 * neg_zero_entries.c - negative test object for the ELF loader: a map with max_entries 0, which
 * map creation refuses; the error names the map.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, 0);
} counters SEC(".maps");

SEC("xdp")
int zero_prog(struct xdp_md *ctx)
{
	__u32 k = 0;

	return bpf_map_lookup_elem(&counters, &k) ? XDP_PASS : XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
