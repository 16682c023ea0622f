// SPDX-License-Identifier: BSD-2-Clause
/*
 * lpm_router.c - an IPv4 router (the shape of samples/bpf xdp_router_ipv4): longest-prefix match
 * of the destination in an LPM trie gives the next hop (port and MACs); the TTL is decremented
 * with an incremental checksum update, the MACs rewritten, and the frame redirected through a
 * devmap. TTL expiry and misses pass to the host stack; per-CPU counters per outcome.
 */
#include "corpus.h"

struct lpm_key {
	__u32 prefixlen;
	__u32 addr;
};

struct next_hop {
	__u32 port;
	__u8 dmac[ETH_ALEN];
	__u8 smac[ETH_ALEN];
};

enum { R_FWD, R_MISS, R_TTL, R_NOT_IP, R_MAX };

struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__uint(max_entries, 64);
	__type(key, struct lpm_key);
	__type(value, struct next_hop);
} routes SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_DEVMAP);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, __u32);
} ports SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, R_MAX);
	__type(key, __u32);
	__type(value, __u64);
} stats SEC(".maps");

static __always_inline int count(__u32 what, int action)
{
	__u64 *v = bpf_map_lookup_elem(&stats, &what);

	if (v)
		*v += 1;
	return action;
}

/* RFC 1624: the checksum after the TTL drops by one. */
static __always_inline void ttl_dec(struct iphdr *iph)
{
	__u32 check = iph->check;

	check += bpf_htons(0x0100);
	iph->check = (__u16)(check + (check >= 0xffff));
	iph->ttl--;
}

SEC("xdp")
int xdp_lpm_router(struct xdp_md *ctx)
{
	struct cursor c = { (void *)(long)ctx->data, (void *)(long)ctx->data_end };
	struct lpm_key key;
	struct next_hop *nh;
	struct ethhdr *eth;
	struct iphdr *iph;

	if (parse_eth(&c, &eth) != bpf_htons(ETH_P_IP))
		return count(R_NOT_IP, XDP_PASS);
	iph = c.pos;
	if ((void *)(iph + 1) > c.end)
		return count(R_NOT_IP, XDP_DROP);
	if (iph->ttl <= 1)
		return count(R_TTL, XDP_PASS);
	key.prefixlen = 32;
	key.addr = iph->daddr;
	nh = bpf_map_lookup_elem(&routes, &key);
	if (!nh)
		return count(R_MISS, XDP_PASS);
	ttl_dec(iph);
	__builtin_memcpy(eth->h_dest, nh->dmac, ETH_ALEN);
	__builtin_memcpy(eth->h_source, nh->smac, ETH_ALEN);
	count(R_FWD, 0);
	return bpf_redirect_map(&ports, nh->port, 0);
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
