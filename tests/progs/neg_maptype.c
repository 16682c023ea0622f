// SPDX-License-Identifier: BSD-2-Clause
/*
 * neg_maptype.c - negative test object for the ELF loader: a map type the engine lacks (a
 * queue); creating it fails, and the error names the map.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_QUEUE);
	__type(value, __u32);
	__uint(max_entries, 16);
} pending SEC(".maps");

SEC("xdp")
int queue_prog(struct xdp_md *ctx)
{
	__u32 v = 1;

	bpf_map_push_elem(&pending, &v, 0);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
