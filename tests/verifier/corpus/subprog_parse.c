// SPDX-License-Identifier: BSD-2-Clause
/*
 * subprog_parse.c - a classifier split into real functions (bpf-to-bpf calls), as larger XDP
 * programs are: static __noinline parsers that take packet pointers and a cursor on the caller's
 * stack, one that fills a map key in the caller's frame, and a global function checked on its
 * own by the kernel (it only gets the context). Classes are counted in a per-CPU array.
 */
#include "corpus.h"

enum { K_OTHER, K_IPV4_TCP, K_IPV4_UDP, K_IPV6_TCP, K_IPV6_UDP, K_SHORT, K_MAX };

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, K_MAX);
	__type(key, __u32);
	__type(value, __u64);
} classes SEC(".maps");

static __noinline int l4_class(__u8 proto, int tcp, int udp)
{
	if (proto == IPPROTO_TCP)
		return tcp;
	if (proto == IPPROTO_UDP)
		return udp;
	return K_OTHER;
}

static __noinline int parse_ip(struct cursor *c, int etype)
{
	if (etype == bpf_htons(ETH_P_IP)) {
		struct iphdr *iph = c->pos;

		if ((void *)(iph + 1) > c->end)
			return K_SHORT;
		return l4_class(iph->protocol, K_IPV4_TCP, K_IPV4_UDP);
	}
	if (etype == bpf_htons(ETH_P_IPV6)) {
		struct ipv6hdr *ip6h = c->pos;

		if ((void *)(ip6h + 1) > c->end)
			return K_SHORT;
		return l4_class(ip6h->nexthdr, K_IPV6_TCP, K_IPV6_UDP);
	}
	return K_OTHER;
}

static __noinline void count(__u32 *key)
{
	__u64 *v = bpf_map_lookup_elem(&classes, key);

	if (v)
		*v += 1;
}

__noinline int frame_len(struct xdp_md *ctx)
{
	if (!ctx)
		return 0;
	return ctx->data_end - ctx->data;
}

SEC("xdp")
int xdp_subprog_parse(struct xdp_md *ctx)
{
	struct cursor c = { (void *)(long)ctx->data, (void *)(long)ctx->data_end };
	struct ethhdr *eth;
	__u32 key;
	int etype;

	etype = parse_eth(&c, &eth);
	key = etype < 0 ? K_SHORT : parse_ip(&c, etype);
	count(&key);
	return frame_len(ctx) > 1514 ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
