// SPDX-License-Identifier: BSD-2-Clause
/*
 * vlan_pushpop.c - VLAN access/trunk translation (the shape of xdp-tutorial's packet02 and
 * samples/bpf xdp_vlan): an untagged frame gets an 802.1Q tag with the VLAN id of its source
 * MAC (a hash) pushed in front of its EtherType, by growing the head 4 bytes with
 * bpf_xdp_adjust_head and moving the MAC addresses forward byte by byte; a tagged frame whose
 * VLAN is in the strip set loses its tag the other way round. Counters per direction.
 */
#include "corpus.h"

#define VLAN_HLEN 4

enum { V_PUSHED, V_POPPED, V_UNTOUCHED, V_FAILED, V_MAX };

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u8[ETH_ALEN]);
	__type(value, __u16); /* VLAN id to push */
} access_vlan SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, __u8); /* 1: strip this VLAN */
} strip_vlan SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, V_MAX);
	__type(key, __u32);
	__type(value, __u64);
} vstats SEC(".maps");

static __always_inline int count(__u32 what, int action)
{
	__u64 *v = bpf_map_lookup_elem(&vstats, &what);

	if (v)
		*v += 1;
	return action;
}

static __always_inline int push_tag(struct xdp_md *ctx, __u16 vid)
{
	struct ethhdr *eth;
	struct vlan_hdr *vh;
	void *data, *end;
	int i;

	if (bpf_xdp_adjust_head(ctx, -VLAN_HLEN))
		return -1;
	data = (void *)(long)ctx->data;
	end = (void *)(long)ctx->data_end;
	if (data + VLAN_HLEN + sizeof(*eth) > end)
		return -1;
	/* the addresses move 4 bytes forward; the old EtherType stays where the tag ends */
#pragma unroll
	for (i = 0; i < 2 * ETH_ALEN; i++)
		((__u8 *)data)[i] = ((__u8 *)data)[i + VLAN_HLEN];
	eth = data;
	vh = (void *)(eth + 1);
	/* vh->proto is where the old EtherType already is */
	eth->h_proto = bpf_htons(ETH_P_8021Q);
	vh->tci = bpf_htons(vid & 0x0fff);
	return 0;
}

static __always_inline int pop_tag(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
	int i;

	if (data + sizeof(struct ethhdr) + VLAN_HLEN > end)
		return -1;
	/* the addresses move 4 bytes back over the tag, last byte first */
#pragma unroll
	for (i = 2 * ETH_ALEN - 1; i >= 0; i--)
		((__u8 *)data)[i + VLAN_HLEN] = ((__u8 *)data)[i];
	return bpf_xdp_adjust_head(ctx, VLAN_HLEN) ? -1 : 0;
}

SEC("xdp")
int xdp_vlan_pushpop(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct vlan_hdr *vh;
	__u16 *vid;
	__u8 *strip;
	__u32 id;

	if ((void *)(eth + 1) > end)
		return XDP_DROP;
	if (eth->h_proto == bpf_htons(ETH_P_8021Q)) {
		vh = (void *)(eth + 1);
		if ((void *)(vh + 1) > end)
			return XDP_DROP;
		id = bpf_ntohs(vh->tci) & 0x0fff;
		strip = bpf_map_lookup_elem(&strip_vlan, &id);
		if (!strip || !*strip)
			return count(V_UNTOUCHED, XDP_PASS);
		if (pop_tag(ctx))
			return count(V_FAILED, XDP_ABORTED);
		return count(V_POPPED, XDP_PASS);
	}
	vid = bpf_map_lookup_elem(&access_vlan, eth->h_source);
	if (!vid)
		return count(V_UNTOUCHED, XDP_PASS);
	if (push_tag(ctx, *vid))
		return count(V_FAILED, XDP_ABORTED);
	return count(V_PUSHED, XDP_PASS);
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
