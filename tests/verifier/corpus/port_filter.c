// SPDX-License-Identifier: BSD-2-Clause
/*
 * port_filter.c - the port half of xdp-tools' xdp-filter: one array map indexed by port number
 * (all 65536) whose value is a bitmap of what to match (TCP/UDP, source/destination), a
 * configuration word in another array saying which features are on and what a match does, and
 * per-action statistics in a per-CPU array indexed by the verdict, each entry a struct of
 * packet and byte counters updated with __sync_fetch_and_add.
 */
#include "corpus.h"

#define MAP_FLAG_SRC (1u << 0)
#define MAP_FLAG_DST (1u << 1)
#define MAP_FLAG_TCP (1u << 2)
#define MAP_FLAG_UDP (1u << 3)

#define FEAT_TCP (1u << 0)
#define FEAT_UDP (1u << 1)
#define FEAT_ALLOW (1u << 2) /* allow-list mode: a match passes, the rest drops */

struct datarec {
	__u64 rx_packets;
	__u64 rx_bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 65536);
	__type(key, __u32);
	__type(value, __u32);
} filter_ports SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} filter_config SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, XDP_REDIRECT + 1);
	__type(key, __u32);
	__type(value, struct datarec);
} xdp_stats_map SEC(".maps");

static __always_inline int record(struct xdp_md *ctx, __u32 action)
{
	struct datarec *rec = bpf_map_lookup_elem(&xdp_stats_map, &action);

	if (rec) {
		__sync_fetch_and_add(&rec->rx_packets, 1);
		__sync_fetch_and_add(&rec->rx_bytes, ctx->data_end - ctx->data);
	}
	return action;
}

/* Does a port's bitmap match this protocol in this direction? */
static __always_inline int port_hit(__be16 port, __u32 proto_flag, __u32 dir_flag)
{
	__u32 key = bpf_ntohs(port);
	__u32 *bits = bpf_map_lookup_elem(&filter_ports, &key);

	return bits && (*bits & proto_flag) && (*bits & dir_flag);
}

SEC("xdp")
int xdp_port_filter(struct xdp_md *ctx)
{
	struct cursor c = { (void *)(long)ctx->data, (void *)(long)ctx->data_end };
	__u32 zero = 0, feat, proto_flag, *cfg;
	__be16 sport, dport;
	struct ethhdr *eth;
	__u8 l4proto;
	void *l4;
	int etype, hit;

	cfg = bpf_map_lookup_elem(&filter_config, &zero);
	if (!cfg)
		return record(ctx, XDP_ABORTED);
	feat = *cfg;
	etype = parse_eth(&c, &eth);
	if (etype == bpf_htons(ETH_P_IP)) {
		struct iphdr *iph = c.pos;

		if ((void *)(iph + 1) > c.end || iph->ihl < 5)
			return record(ctx, XDP_PASS);
		l4proto = iph->protocol;
		l4 = (void *)iph + iph->ihl * 4;
	} else if (etype == bpf_htons(ETH_P_IPV6)) {
		struct ipv6hdr *ip6h = c.pos;

		if ((void *)(ip6h + 1) > c.end)
			return record(ctx, XDP_PASS);
		l4proto = ip6h->nexthdr;
		l4 = ip6h + 1;
	} else {
		return record(ctx, XDP_PASS);
	}
	if (l4proto == IPPROTO_TCP && (feat & FEAT_TCP)) {
		struct tcphdr *th = l4;

		if ((void *)(th + 1) > c.end)
			return record(ctx, XDP_PASS);
		sport = th->source;
		dport = th->dest;
		proto_flag = MAP_FLAG_TCP;
	} else if (l4proto == IPPROTO_UDP && (feat & FEAT_UDP)) {
		struct udphdr *uh = l4;

		if ((void *)(uh + 1) > c.end)
			return record(ctx, XDP_PASS);
		sport = uh->source;
		dport = uh->dest;
		proto_flag = MAP_FLAG_UDP;
	} else {
		return record(ctx, XDP_PASS);
	}
	hit = port_hit(dport, proto_flag, MAP_FLAG_DST) || port_hit(sport, proto_flag, MAP_FLAG_SRC);
	if (feat & FEAT_ALLOW)
		return record(ctx, hit ? XDP_PASS : XDP_DROP);
	return record(ctx, hit ? XDP_DROP : XDP_PASS);
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
