// SPDX-License-Identifier: BSD-2-Clause
/*
 * geneve_decap.c - terminate GENEVE (RFC 8926) in the host: IPv4/UDP frames to port 6081 whose
 * VNI is in a hash of local segments have their options walked in a bounded loop (each TLV's
 * class, type and length read behind a range check; an unknown critical option drops the frame,
 * a known class is counted), then the outer Ethernet, IPv4 (any IHL), UDP and GENEVE headers
 * with their options are removed with one bpf_xdp_adjust_head and the inner Ethernet frame
 * passes up. Non-Ethernet payloads and malformed option lists drop; per-VNI counters.
 */
#include "corpus.h"

#define GENEVE_PORT 6081
#define ETH_P_TEB 0x6558
#define MAX_OPTS 8
#define OPT_CRITICAL 0x80

struct genevehdr {
	__u8 opt_len_ver; /* version (2 bits, high), option length in 4-byte words (6 bits) */
	__u8 flags;	  /* OAM, critical options present */
	__be16 proto;
	__u8 vni[3];
	__u8 rsvd;
};

struct geneve_opt {
	__be16 opt_class;
	__u8 type;
	__u8 len; /* reserved (3 bits, high), data length in 4-byte words (5 bits) */
};

struct vni_stats {
	__u64 frames;
	__u64 bytes;
	__u64 opts;
};

const volatile __u16 known_class = 0x0103; /* an option class the host understands */

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, struct vni_stats);
} segments SEC(".maps");

/* Walk the options in [opt, end): the number of known ones, or -1 to drop. */
static __always_inline int walk_opts(__u8 *opt, __u8 *end, void *data_end)
{
	int i, known = 0;

#pragma clang loop unroll(disable)
	for (i = 0; i < MAX_OPTS; i++) {
		struct geneve_opt *o = (void *)opt;

		if (opt >= end)
			return known;
		if ((void *)(o + 1) > data_end)
			return -1;
		if (o->opt_class == bpf_htons(known_class))
			known++;
		else if (o->type & OPT_CRITICAL)
			return -1;
		opt += sizeof(*o) + (o->len & 0x1f) * 4;
	}
	return opt >= end ? known : -1;
}

SEC("xdp")
int xdp_geneve_decap(struct xdp_md *ctx)
{
	struct cursor c = { (void *)(long)ctx->data, (void *)(long)ctx->data_end };
	struct vni_stats *st;
	struct genevehdr *gh;
	struct ethhdr *eth;
	struct iphdr *iph;
	struct udphdr *uh;
	__u8 *opts, *opts_end;
	int hlen, known;
	__u32 vni;

	if (parse_eth(&c, &eth) != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	iph = c.pos;
	if ((void *)(iph + 1) > c.end || iph->protocol != IPPROTO_UDP || iph->ihl < 5)
		return XDP_PASS;
	uh = (void *)iph + iph->ihl * 4;
	if ((void *)(uh + 1) > c.end || uh->dest != bpf_htons(GENEVE_PORT))
		return XDP_PASS;
	gh = (void *)(uh + 1);
	if ((void *)(gh + 1) > c.end)
		return XDP_DROP;
	if ((gh->opt_len_ver >> 6) != 0 || gh->proto != bpf_htons(ETH_P_TEB))
		return XDP_DROP;
	vni = (__u32)gh->vni[0] << 16 | (__u32)gh->vni[1] << 8 | gh->vni[2];
	st = bpf_map_lookup_elem(&segments, &vni);
	if (!st)
		return XDP_PASS;
	opts = (void *)(gh + 1);
	opts_end = opts + (gh->opt_len_ver & 0x3f) * 4;
	known = walk_opts(opts, opts_end, c.end);
	if (known < 0)
		return XDP_DROP;
	/* the inner Ethernet header must be there before the outer headers go */
	if ((void *)(opts_end + sizeof(struct ethhdr)) > c.end)
		return XDP_DROP;
	hlen = (void *)opts_end - (void *)eth;
	__sync_fetch_and_add(&st->frames, 1);
	__sync_fetch_and_add(&st->bytes, (long)c.end - (long)opts_end);
	__sync_fetch_and_add(&st->opts, known);
	if (bpf_xdp_adjust_head(ctx, hlen))
		return XDP_DROP;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
