// SPDX-License-Identifier: BSD-2-Clause
/*
 * xdp_meta.c - XDP metadata with bpf_xdp_adjust_meta: the limits and error returns (not a
 * multiple of 4, larger than the kernel allows, shrinking metadata that is not there, reaching
 * into the reserved xdp_frame area), metadata written then carried along when bpf_xdp_adjust_head moves the packet, and
 * metadata left in front of the packet on return (BPF_PROG_TEST_RUN's data_out shows it).
 */
#include "xdp_common.h"

#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>

struct meta {
	__u32 magic;
	__u32 len;
	__u16 proto;
	__u16 seq;
	__u32 hash;
};

enum {
	M_ODD, M_36, M_ROOM, M_PAST_ROOM, M_SHRINK_NONE, M_ADD, M_HEAD_WITH_META, M_AFTER_HEAD,
	M_META_AT_FLOOR, M_HEAD_BACK, M_MAX
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, M_MAX);
	__type(key, __u32);
	__type(value, __s64);
} meta_rc SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct meta);
} last_meta SEC(".maps");

__u16 seq;		/* .bss */
__u32 meta_ok, meta_bad; /* .bss */

static __always_inline void rc(__u32 slot, long v)
{
	__s64 *p = bpf_map_lookup_elem(&meta_rc, &slot);

	if (p)
		*p = v;
}

/* Try a metadata size from none; undo it when it was allowed. */
static __always_inline void try_meta(struct xdp_md *ctx, __u32 slot, int delta)
{
	long r = bpf_xdp_adjust_meta(ctx, delta);

	rc(slot, r);
	if (!r)
		bpf_xdp_adjust_meta(ctx, -delta);
}

/*
 * The limits: a multiple of 4 (-EACCES), the room between the reserved xdp_frame area and
 * the packet (216 bytes here, -EINVAL past it), the kernel's maximum metadata size (32 bytes
 * before Linux 6.x raised it to the 255 that skb_shared_info.meta_len holds: -EACCES past it),
 * and no shrinking below zero (-EINVAL).
 */
static __always_inline void probe(struct xdp_md *ctx)
{
	try_meta(ctx, M_ODD, -3);
	try_meta(ctx, M_36, -36);
	try_meta(ctx, M_ROOM, -216);
	try_meta(ctx, M_PAST_ROOM, -220);
	try_meta(ctx, M_SHRINK_NONE, 4);
}

/* With the head moved to the floor, the metadata has no room left. */
static __always_inline int probe_floor(struct xdp_md *ctx)
{
	long r = bpf_xdp_adjust_head(ctx, -216);

	if (r)
		return -1;
	rc(M_META_AT_FLOOR, bpf_xdp_adjust_meta(ctx, -4));
	r = bpf_xdp_adjust_head(ctx, 216);
	rc(M_HEAD_BACK, r);
	return r ? -1 : 0;
}

static __always_inline int fill(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct meta *m = (void *)(long)ctx->data_meta;
	struct ethhdr *eth = data;

	if ((void *)(m + 1) > data || (void *)(eth + 1) > data_end)
		return -1;
	m->magic = 0x4d455441;
	m->len = data_end - data;
	m->proto = bpf_ntohs(eth->h_proto);
	m->seq = ++seq;
	m->hash = eth->h_source[5] * 131 + eth->h_dest[5];
	return 0;
}

/* Move the packet start by delta; the metadata moves along. Check it survived. */
static __always_inline int move_head(struct xdp_md *ctx, int delta)
{
	struct meta *m, copy;
	void *data;
	__u32 key = 0;
	long r = bpf_xdp_adjust_head(ctx, delta);

	rc(M_HEAD_WITH_META, r);
	if (r)
		return -1;
	data = (void *)(long)ctx->data;
	m = (void *)(long)ctx->data_meta;
	if ((void *)(m + 1) > data)
		return -1;
	copy = *m;
	bpf_map_update_elem(&last_meta, &key, &copy, BPF_ANY);
	if (copy.magic == 0x4d455441 && copy.seq == seq)
		meta_ok++;
	else
		meta_bad++;
	return 0;
}

SEC("xdp")
int meta(struct xdp_md *ctx)
{
	long r;

	probe(ctx);
	if (probe_floor(ctx))
		return XDP_ABORTED;
	r = bpf_xdp_adjust_meta(ctx, -(int)sizeof(struct meta));
	rc(M_ADD, r);
	if (r || fill(ctx))
		return XDP_DROP;
	if (move_head(ctx, -4))
		return XDP_DROP;
	r = bpf_xdp_adjust_head(ctx, 4);
	rc(M_AFTER_HEAD, r);
	if (r)
		return XDP_DROP;
	if (seq & 1)
		return XDP_PASS; /* metadata stays in front of the packet */
	r = bpf_xdp_adjust_meta(ctx, sizeof(struct meta));
	return r ? XDP_ABORTED : XDP_TX;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
