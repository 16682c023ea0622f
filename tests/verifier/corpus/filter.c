// SPDX-License-Identifier: BSD-2-Clause
/*
 * filter.c - a stateless firewall in the manner of xdp-tools' xdp-filter: hash maps of IPv4 and
 * IPv6 source addresses, of TCP/UDP destination ports and of Ethernet source addresses, each
 * value a bit mask saying which directions/actions match; a match drops, and the hit is counted
 * in the value's own counter with an atomic add.
 */
#include "corpus.h"

#define MATCH_SRC 1
#define MATCH_DST 2

struct verdict {
	__u32 mask;
	__u32 pad;
	__u64 hits;
};

struct port_key {
	__u8 proto;
	__u8 pad;
	__u16 port;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, struct verdict);
} filter_v4 SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, struct in6_addr);
	__type(value, struct verdict);
} filter_v6 SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 256);
	__type(key, struct port_key);
	__type(value, struct verdict);
} filter_ports SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 256);
	__type(key, __u64);
	__type(value, struct verdict);
} filter_eth SEC(".maps");

static __always_inline int hit(struct verdict *v, __u32 want)
{
	if (!v || !(v->mask & want))
		return 0;
	__sync_fetch_and_add(&v->hits, 1);
	return 1;
}

static __always_inline int check_ports(struct cursor *c, __u8 proto)
{
	struct port_key pk = { .proto = proto };

	if (proto == IPPROTO_TCP) {
		struct tcphdr *th = c->pos;

		if ((void *)(th + 1) > c->end)
			return -1;
		pk.port = bpf_ntohs(th->dest);
	} else if (proto == IPPROTO_UDP) {
		struct udphdr *uh = c->pos;

		if ((void *)(uh + 1) > c->end)
			return -1;
		pk.port = bpf_ntohs(uh->dest);
	} else {
		return 0;
	}
	return hit(bpf_map_lookup_elem(&filter_ports, &pk), MATCH_DST);
}

SEC("xdp")
int xdp_filter(struct xdp_md *ctx)
{
	struct cursor c = { (void *)(long)ctx->data, (void *)(long)ctx->data_end };
	struct ethhdr *eth;
	__u64 mac = 0;
	__u8 proto;
	int etype, r;

	etype = parse_eth(&c, &eth);
	if (etype < 0)
		return XDP_ABORTED;
	__builtin_memcpy(&mac, eth->h_source, ETH_ALEN);
	if (hit(bpf_map_lookup_elem(&filter_eth, &mac), MATCH_SRC))
		return XDP_DROP;
	if (etype == bpf_htons(ETH_P_IP)) {
		struct iphdr *iph = c.pos;

		if ((void *)(iph + 1) > c.end)
			return XDP_ABORTED;
		if (hit(bpf_map_lookup_elem(&filter_v4, &iph->saddr), MATCH_SRC))
			return XDP_DROP;
		proto = iph->protocol;
		c.pos = (void *)iph + (iph->ihl & 0xf) * 4;
	} else if (etype == bpf_htons(ETH_P_IPV6)) {
		struct ipv6hdr *ip6h = c.pos;

		if ((void *)(ip6h + 1) > c.end)
			return XDP_ABORTED;
		if (hit(bpf_map_lookup_elem(&filter_v6, &ip6h->saddr), MATCH_SRC))
			return XDP_DROP;
		proto = ip6h->nexthdr;
		c.pos = ip6h + 1;
	} else {
		return XDP_PASS;
	}
	r = check_ports(&c, proto);
	if (r < 0)
		return XDP_ABORTED;
	return r ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
