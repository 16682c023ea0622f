// SPDX-License-Identifier: BSD-2-Clause
/*
 * proto_count.c - count packets per IP protocol in a per-CPU array and drop them (the shape of
 * samples/bpf xdp1): Ethernet, VLANs, IPv4 or IPv6, the protocol number as the index.
 */
#include "corpus.h"

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, __u64);
} rxcnt SEC(".maps");

static __always_inline int ip_proto(struct cursor *c, int eth_proto)
{
	if (eth_proto == bpf_htons(ETH_P_IP)) {
		struct iphdr *iph = c->pos;

		if ((void *)(iph + 1) > c->end)
			return -1;
		return iph->protocol;
	}
	if (eth_proto == bpf_htons(ETH_P_IPV6)) {
		struct ipv6hdr *ip6h = c->pos;

		if ((void *)(ip6h + 1) > c->end)
			return -1;
		return ip6h->nexthdr;
	}
	return 0;
}

SEC("xdp")
int xdp_proto_count(struct xdp_md *ctx)
{
	struct cursor c = { (void *)(long)ctx->data, (void *)(long)ctx->data_end };
	struct ethhdr *eth;
	__u64 *value;
	__u32 key;
	int proto;

	proto = parse_eth(&c, &eth);
	if (proto < 0)
		return XDP_DROP;
	proto = ip_proto(&c, proto);
	if (proto < 0)
		return XDP_DROP;
	key = proto;
	value = bpf_map_lookup_elem(&rxcnt, &key);
	if (value)
		*value += 1;
	return XDP_DROP;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
