// SPDX-License-Identifier: BSD-2-Clause
/*
 * acl_loop.c - an ordered access list scanned with bpf_loop: the frame's IPv4 5-tuple is put in
 * a context struct on the stack, the callback looks up rule i of an array map (prefix and mask
 * for source and destination, a port range, a protocol, an action), stops at the first rule
 * that matches and records its index and action in the context; the rule count comes from
 * .rodata. Per-rule hit counters are updated with an atomic add; no match means the default
 * action from .rodata.
 */
#include "corpus.h"

#define MAX_RULES 64

struct rule {
	__be32 src, src_mask;
	__be32 dst, dst_mask;
	__u16 port_lo, port_hi; /* destination port range, host order */
	__u8 proto;		/* 0: any */
	__u8 action;		/* XDP_DROP or XDP_PASS */
	__u16 pad;
	__u64 hits;
};

struct acl_ctx {
	__be32 saddr, daddr;
	__u16 dport;
	__u8 proto;
	__u8 action;
	__s32 matched; /* rule index, -1 for none */
};

const volatile __u32 nr_rules = 16;
const volatile __u32 default_action = XDP_PASS;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, MAX_RULES);
	__type(key, __u32);
	__type(value, struct rule);
} acl SEC(".maps");

static long match_rule(__u32 i, void *arg)
{
	struct acl_ctx *a = arg;
	struct rule *r = bpf_map_lookup_elem(&acl, &i);

	if (!r)
		return 1;
	if ((a->saddr & r->src_mask) != r->src || (a->daddr & r->dst_mask) != r->dst)
		return 0;
	if (r->proto && r->proto != a->proto)
		return 0;
	if (a->dport < r->port_lo || a->dport > r->port_hi)
		return 0;
	__sync_fetch_and_add(&r->hits, 1);
	a->matched = i;
	a->action = r->action;
	return 1;
}

SEC("xdp")
int xdp_acl_loop(struct xdp_md *ctx)
{
	struct cursor c = { (void *)(long)ctx->data, (void *)(long)ctx->data_end };
	struct acl_ctx a = { .matched = -1 };
	struct ethhdr *eth;
	struct iphdr *iph;
	__u32 n = nr_rules;

	if (parse_eth(&c, &eth) != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	iph = c.pos;
	if ((void *)(iph + 1) > c.end || iph->ihl < 5)
		return XDP_DROP;
	a.saddr = iph->saddr;
	a.daddr = iph->daddr;
	a.proto = iph->protocol;
	if (iph->protocol == IPPROTO_TCP || iph->protocol == IPPROTO_UDP) {
		struct udphdr *uh = (void *)iph + iph->ihl * 4;

		if ((void *)(uh + 1) > c.end)
			return XDP_DROP;
		a.dport = bpf_ntohs(uh->dest);
	}
	bpf_loop(n < MAX_RULES ? n : MAX_RULES, match_rule, &a, 0);
	if (a.matched < 0)
		return default_action;
	return a.action == XDP_DROP ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
