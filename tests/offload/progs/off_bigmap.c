// SPDX-License-Identifier: BSD-2-Clause
/* off_bigmap.c - offload test: maps that declare more memory than any quota allows. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct big {
	__u8 b[1024];
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1 << 20);
	__type(key, __u32);
	__type(value, struct big);
} huge SEC(".maps");

SEC("xdp")
int pass(struct xdp_md *ctx)
{
	__u32 k = 0;

	(void)ctx;
	return bpf_map_lookup_elem(&huge, &k) ? XDP_PASS : XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
