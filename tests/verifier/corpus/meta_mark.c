// SPDX-License-Identifier: BSD-2-Clause
/*
 * meta_mark.c - classify frames and hand the result to the next stage in XDP metadata (the
 * shape of samples/bpf xdp2skb_meta): bpf_xdp_adjust_meta makes 8 bytes of room, checked
 * against data, holding a mark looked up by DSCP in a small array and the frame's length from
 * bpf_xdp_get_buff_len.
 */
#include "corpus.h"

struct meta {
	__u32 mark;
	__u32 len;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u32);
} dscp_mark SEC(".maps");

SEC("xdp")
int xdp_meta_mark(struct xdp_md *ctx)
{
	void *data, *data_end;
	struct ethhdr *eth;
	struct iphdr *iph;
	struct meta *m;
	__u32 dscp = 0, *mark;

	data = (void *)(long)ctx->data;
	data_end = (void *)(long)ctx->data_end;
	eth = data;
	iph = data + sizeof(*eth);
	if ((void *)(iph + 1) <= data_end && eth->h_proto == bpf_htons(ETH_P_IP))
		dscp = iph->tos >> 2;
	if (bpf_xdp_adjust_meta(ctx, -(int)sizeof(*m)))
		return XDP_PASS;
	m = (void *)(long)ctx->data_meta;
	data = (void *)(long)ctx->data;
	if ((void *)(m + 1) > data)
		return XDP_PASS;
	mark = bpf_map_lookup_elem(&dscp_mark, &dscp);
	m->mark = mark ? *mark : 0;
	m->len = bpf_xdp_get_buff_len(ctx);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
