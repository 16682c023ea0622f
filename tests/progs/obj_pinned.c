// SPDX-License-Identifier: BSD-2-Clause
/*
 * obj_pinned.c - test object for the ELF loader: maps pinned by name (libbpf's
 * LIBBPF_PIN_BY_NAME, as xdp-tools declares its maps) beside an unpinned one, and a pinned
 * program array. Each frame adds 1 to counters[0] and to local[0]; the verdict is cfg[0]
 * (0: XDP_PASS).
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, 4);
	__uint(pinning, LIBBPF_PIN_BY_NAME);
} counters SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__type(key, __u32);
	__type(value, __u32);
	__uint(max_entries, 1024);
	__uint(pinning, LIBBPF_PIN_BY_NAME);
} cfg SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, 1);
} local SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
	__uint(max_entries, 2);
	__uint(pinning, LIBBPF_PIN_BY_NAME);
} jumps SEC(".maps");

SEC("xdp")
int pinned_prog(struct xdp_md *ctx)
{
	__u32 k = 0, *verdict;
	__u64 *c = bpf_map_lookup_elem(&counters, &k), *l = bpf_map_lookup_elem(&local, &k);

	if (c)
		__sync_fetch_and_add(c, 1);
	if (l)
		__sync_fetch_and_add(l, 1);
	bpf_tail_call(ctx, &jumps, 1);
	verdict = bpf_map_lookup_elem(&cfg, &k);
	return verdict && *verdict ? (int)*verdict : XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
