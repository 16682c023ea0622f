// SPDX-License-Identifier: BSD-2-Clause
/*
 * xdp_tailcall.c - tail calls and subprograms. A statically initialised program array holds
 * a second stage at [1] and a self-tail-calling loop at [2] (which stops at the kernel's limit
 * of 33 tail calls); empty and out-of-range slots fall through. The entry classifies with a
 * static noinline subprogram and a global one, tail-calls directly or from a subprogram (the
 * target's return value then comes back to the subprogram's caller), and counts in .data and
 * .bss.
 */
#include "xdp_common.h"

#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>

int tc_stage2(struct xdp_md *ctx);
int tc_loop(struct xdp_md *ctx);

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 4);
	__uint(key_size, sizeof(__u32));
	__array(values, int(struct xdp_md *));
} jmp SEC(".maps") = {
	.values = {
		[1] = (void *)&tc_stage2,
		[2] = (void *)&tc_loop,
	},
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, __u64);
} stage_hits SEC(".maps");

__u64 entries = 1000;	     /* .data */
__u32 fallthrough[4] = { 1, 2, 3, 4 }; /* .data */
int jump_base = 100;	     /* .data */
__u32 loop_depth;	     /* .bss: tail calls made by tc_loop for the current frame */
__u32 max_loop_depth;	     /* .bss */
__u32 last_class;	     /* .bss */
__s32 last_jump_ret;	     /* .bss: what jump() gave back */

static __always_inline void hit(__u32 slot)
{
	__u64 *v = bpf_map_lookup_elem(&stage_hits, &slot);

	if (v)
		__sync_fetch_and_add(v, 1);
}

/* Static subprogram: a class from the last byte of the source MAC and the frame length. */
static __noinline __u32 classify(__u8 mac_lo, __u32 len)
{
	return (mac_lo + len) & 3;
}

/* Global subprogram, verified on its own: bytes of the frame, or 0 if it has no Ethernet. */
__noinline int frame_weight(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;

	if (!ctx || (void *)(eth + 1) > data_end)
		return 0;
	return (data_end - data) + eth->h_proto;
}

/*
 * Tail call from a subprogram: when it succeeds, the target's return value comes back here,
 * to the subprogram's caller, which goes on; when it fails, the subprogram returns
 * jump_base + idx (a global, so that the compiler cannot assume what jump() returns).
 */
static __noinline int jump(struct xdp_md *ctx, __u32 idx)
{
	bpf_tail_call(ctx, &jmp, idx);
	return jump_base + idx;
}

SEC("xdp")
int tc_entry(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	__u32 class, idx;
	int ret;

	entries++;
	if ((void *)(eth + 1) > data_end)
		return XDP_DROP;
	class = classify(eth->h_source[5], data_end - data);
	last_class = class;
	if (frame_weight(ctx) > 1500)
		class = 3;
	idx = class == 3 ? 7 : class; /* 0: empty slot, 1: stage 2, 2: loop, 3: out of range */
	loop_depth = 0;
	if (class == 1 || class == 2) {
		ret = jump(ctx, idx);
		last_jump_ret = ret;
		hit(3);
		if (ret < jump_base)
			return ret;
	} else {
		bpf_tail_call(ctx, &jmp, idx);
	}
	fallthrough[class]++;
	hit(4 + class);
	return class == 3 ? XDP_DROP : XDP_PASS;
}

SEC("xdp")
int tc_stage2(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;

	hit(1);
	if ((void *)(eth + 1) > data_end)
		return XDP_ABORTED;
	eth->h_dest[0] ^= 0x02; /* toggle the locally administered bit: visible in data_out */
	return XDP_TX;
}

SEC("xdp")
int tc_loop(struct xdp_md *ctx)
{
	loop_depth++;
	if (loop_depth > max_loop_depth)
		max_loop_depth = loop_depth;
	bpf_tail_call(ctx, &jmp, 2);
	hit(2);
	return loop_depth == 34 ? XDP_PASS : XDP_ABORTED;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
