// SPDX-License-Identifier: BSD-2-Clause
/*
 * cli_count.c - a small XDP program for the `vxdp prog run` command-line tests: counts frames
 * per EtherType in a hash map and per CPU, and returns the verdict held in an array map
 * (XDP_PASS unless `--map verdict:...` says otherwise).
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} verdict SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16);
	__type(key, __u16);
	__type(value, __u64);
} by_type SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} frames SEC(".maps");

SEC("xdp")
int count(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
	__u32 zero = 0, *v = bpf_map_lookup_elem(&verdict, &zero);
	__u64 one = 1, *n;
	__u16 type;

	n = bpf_map_lookup_elem(&frames, &zero);
	if (n)
		*n += 1;
	if (data + 14 > end)
		return XDP_DROP;
	type = *(__u16 *)(data + 12);
	n = bpf_map_lookup_elem(&by_type, &type);
	if (n)
		__sync_fetch_and_add(n, 1);
	else
		bpf_map_update_elem(&by_type, &type, &one, BPF_NOEXIST);
	return v && *v ? *v : XDP_PASS;
}

SEC("xdp")
int drop_all(struct xdp_md *ctx)
{
	return XDP_DROP;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
