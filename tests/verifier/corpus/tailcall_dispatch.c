// SPDX-License-Identifier: BSD-2-Clause
/*
 * tailcall_dispatch.c - a dispatcher that tail-calls one program per EtherType through a
 * statically initialised program array (the shape of samples/bpf sockex3 / xdp-tools'
 * multi-program dispatch): IPv4 and IPv6 handlers each count into their own slot and drop
 * TTL/hop-limit expired packets; a missing slot falls through to XDP_PASS.
 */
#include "corpus.h"

enum { P_IPV4, P_IPV6, P_MAX };

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, P_MAX);
	__type(key, __u32);
	__type(value, __u64);
} handled SEC(".maps");

static __always_inline void count(__u32 which)
{
	__u64 *v = bpf_map_lookup_elem(&handled, &which);

	if (v)
		*v += 1;
}

SEC("xdp")
int handle_ipv4(struct xdp_md *ctx)
{
	struct cursor c = { (void *)(long)ctx->data, (void *)(long)ctx->data_end };
	struct ethhdr *eth;
	struct iphdr *iph;

	count(P_IPV4);
	if (parse_eth(&c, &eth) != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	iph = c.pos;
	if ((void *)(iph + 1) > c.end)
		return XDP_DROP;
	return iph->ttl <= 1 ? XDP_DROP : XDP_PASS;
}

SEC("xdp")
int handle_ipv6(struct xdp_md *ctx)
{
	struct cursor c = { (void *)(long)ctx->data, (void *)(long)ctx->data_end };
	struct ethhdr *eth;
	struct ipv6hdr *ip6h;

	count(P_IPV6);
	if (parse_eth(&c, &eth) != bpf_htons(ETH_P_IPV6))
		return XDP_PASS;
	ip6h = c.pos;
	if ((void *)(ip6h + 1) > c.end)
		return XDP_DROP;
	return ip6h->hop_limit <= 1 ? XDP_DROP : XDP_PASS;
}

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, P_MAX);
	__type(key, __u32);
	__array(values, int(struct xdp_md *));
} handlers SEC(".maps") = {
	.values = {
		[P_IPV4] = (void *)&handle_ipv4,
		[P_IPV6] = (void *)&handle_ipv6,
	},
};

SEC("xdp")
int xdp_dispatch(struct xdp_md *ctx)
{
	struct cursor c = { (void *)(long)ctx->data, (void *)(long)ctx->data_end };
	struct ethhdr *eth;
	int proto = parse_eth(&c, &eth);

	if (proto == bpf_htons(ETH_P_IP))
		bpf_tail_call(ctx, &handlers, P_IPV4);
	else if (proto == bpf_htons(ETH_P_IPV6))
		bpf_tail_call(ctx, &handlers, P_IPV6);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
