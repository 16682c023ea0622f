// SPDX-License-Identifier: BSD-2-Clause
/*
 * obj_subprogs.c - test object for the ELF loader: static and global subprograms in .text
 * shared by several programs (one of them in xdp.frags), subprograms calling subprograms, and
 * a bpf_loop callback referenced by address.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, 4);
} stats SEC(".maps");

__u64 total;

static __attribute__((noinline)) int bump(__u32 idx)
{
	__u64 *v = bpf_map_lookup_elem(&stats, &idx);

	if (!v)
		return 0;
	(*v)++;
	return (int)*v;
}

static __attribute__((noinline)) int twice(__u32 idx)
{
	return bump(idx) + bump(idx + 1);
}

__attribute__((noinline)) int global_len(struct xdp_md *ctx)
{
	if (!ctx)
		return 0;
	return (int)(ctx->data_end - ctx->data);
}

static long loop_cb(__u32 i, void *arg)
{
	__u64 *sum = arg;

	*sum += i;
	total += i;
	return 0;
}

SEC("xdp")
int sub_main(struct xdp_md *ctx)
{
	__u64 sum = 0;

	bpf_loop(4, loop_cb, &sum, 0);
	if (global_len(ctx) > 1000)
		return XDP_DROP;
	return twice(0) > 0 ? XDP_PASS : XDP_ABORTED;
}

SEC("xdp/second")
int sub_other(struct xdp_md *ctx)
{
	return bump(2) ? XDP_PASS : XDP_DROP;
}

SEC("xdp.frags")
int sub_frags(struct xdp_md *ctx)
{
	return global_len(ctx) > 0 ? XDP_PASS : XDP_DROP;
}

SEC("xdp")
int sub_plain(struct xdp_md *ctx)
{
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
