// SPDX-License-Identifier: BSD-2-Clause
/*
 * ipv6_ext.c - walk IPv6 extension headers with a bounded loop (hop-by-hop, routing,
 * destination options, fragment, AH) to find the upper-layer protocol, as xdp-tools' parsing
 * helpers do; drop type-0 routing headers and non-first fragments of ICMPv6, count the upper
 * protocols found, and pass everything else.
 */
#include "corpus.h"

#define MAX_EXT 8

struct ext_hdr {
	__u8 nexthdr;
	__u8 len;
	__u8 type; /* routing: type; others: first option bytes */
	__u8 segs_left;
};

struct frag_hdr {
	__u8 nexthdr;
	__u8 reserved;
	__be16 frag_off;
	__be32 id;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, __u64);
} l4_seen SEC(".maps");

/* Returns the upper-layer protocol, or -1 to drop. */
static __always_inline int skip_ext(struct cursor *c, __u8 next)
{
	int i;

#pragma unroll
	for (i = 0; i < MAX_EXT; i++) {
		struct ext_hdr *eh = c->pos;

		switch (next) {
		case IPPROTO_HOPOPTS:
		case IPPROTO_DSTOPTS:
		case IPPROTO_ROUTING:
		case IPPROTO_AH:
			if ((void *)(eh + 1) > c->end)
				return -1;
			if (next == IPPROTO_ROUTING && eh->type == 0)
				return -1;
			next = eh->nexthdr;
			c->pos = (void *)eh + (next == IPPROTO_AH ? (eh->len + 2) * 4 :
								    (eh->len + 1) * 8);
			break;
		case IPPROTO_FRAGMENT: {
			struct frag_hdr *fh = c->pos;

			if ((void *)(fh + 1) > c->end)
				return -1;
			if ((fh->frag_off & bpf_htons(0xfff8)) && fh->nexthdr == IPPROTO_ICMPV6)
				return -1;
			next = fh->nexthdr;
			c->pos = fh + 1;
			break;
		}
		default:
			return next;
		}
	}
	return next;
}

SEC("xdp")
int xdp_ipv6_ext(struct xdp_md *ctx)
{
	struct cursor c = { (void *)(long)ctx->data, (void *)(long)ctx->data_end };
	struct ipv6hdr *ip6h;
	struct ethhdr *eth;
	__u64 *cnt;
	__u32 key;
	int proto;

	if (parse_eth(&c, &eth) != bpf_htons(ETH_P_IPV6))
		return XDP_PASS;
	ip6h = c.pos;
	if ((void *)(ip6h + 1) > c.end)
		return XDP_DROP;
	c.pos = ip6h + 1;
	proto = skip_ext(&c, ip6h->nexthdr);
	if (proto < 0)
		return XDP_DROP;
	key = proto & 0xff;
	cnt = bpf_map_lookup_elem(&l4_seen, &key);
	if (cnt)
		*cnt += 1;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
