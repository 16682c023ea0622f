// SPDX-License-Identifier: BSD-2-Clause
/*
 * flow_stats.c - per-flow accounting the way a plain C programmer writes it: a 5-tuple key
 * filled field by field (its three bytes of padding are never written), IPv4 headers of any
 * length, TCP flags seen OR-ed into a per-CPU LRU hash entry created on first sight.
 */
#include "corpus.h"

struct flow_key {
	__u32 saddr;
	__u32 daddr;
	__u16 sport;
	__u16 dport;
	__u8 proto;
};

struct flow {
	__u64 packets;
	__u64 bytes;
	__u8 tcp_flags;
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_PERCPU_HASH);
	__uint(max_entries, 16384);
	__type(key, struct flow_key);
	__type(value, struct flow);
} flows SEC(".maps");

SEC("xdp")
int xdp_flow_stats(struct xdp_md *ctx)
{
	struct cursor c = { (void *)(long)ctx->data, (void *)(long)ctx->data_end };
	struct flow *f, fresh = {};
	struct flow_key key;
	struct ethhdr *eth;
	struct iphdr *iph;
	struct udphdr *uh;
	__u8 flags = 0;

	if (parse_eth(&c, &eth) != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	iph = c.pos;
	if ((void *)(iph + 1) > c.end)
		return XDP_PASS;
	if (iph->protocol != IPPROTO_TCP && iph->protocol != IPPROTO_UDP)
		return XDP_PASS;
	uh = c.pos + iph->ihl * 4;
	if ((void *)(uh + 1) > c.end)
		return XDP_PASS;
	if (iph->protocol == IPPROTO_TCP) {
		struct tcphdr *th = (void *)uh;

		if ((void *)(th + 1) > c.end)
			return XDP_PASS;
		flags = ((__u8 *)th)[13];
	}
	key.saddr = iph->saddr;
	key.daddr = iph->daddr;
	key.sport = uh->source;
	key.dport = uh->dest;
	key.proto = iph->protocol;
	f = bpf_map_lookup_elem(&flows, &key);
	if (!f) {
		fresh.tcp_flags = flags;
		bpf_map_update_elem(&flows, &key, &fresh, BPF_NOEXIST);
		f = bpf_map_lookup_elem(&flows, &key);
		if (!f)
			return XDP_PASS;
	}
	f->packets++;
	f->bytes += c.end - (void *)eth;
	f->tcp_flags |= flags;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
