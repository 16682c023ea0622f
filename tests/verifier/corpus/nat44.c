// SPDX-License-Identifier: BSD-2-Clause
/*
 * nat44.c - a static destination NAT for IPv4 TCP and UDP (port forwarding at the edge): a hash
 * of (public address, port, protocol) gives the private address and port; the IPv4 header
 * checksum is updated incrementally (RFC 1624) and the TCP/UDP checksum with bpf_csum_diff over
 * the changed 4-byte words (address, port pair), a zero UDP checksum left alone. Rewritten
 * frames go back out with XDP_TX after swapping MACs; counters of rewrites per rule.
 */
#include "corpus.h"

struct nat_key {
	__be32 addr;
	__be16 port;
	__u8 proto;
	__u8 pad;
};

struct nat_val {
	__be32 addr;
	__be16 port;
	__u16 pad;
	__u64 hits;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, struct nat_key);
	__type(value, struct nat_val);
} dnat SEC(".maps");

/* Fold a 32-bit sum to 16 bits (no complement). */
static __always_inline __u16 fold16(__u32 s)
{
	s = (s & 0xffff) + (s >> 16);
	return (__u16)((s & 0xffff) + (s >> 16));
}

/* RFC 1624 eqn. 3 over one 32-bit word: HC' = ~(~HC + ~m + m'). */
static __always_inline __u16 csum_replace4(__u16 check, __be32 from, __be32 to)
{
	__u32 s = (__u16)~check;

	s += (__u16)~from + (__u16)~(from >> 16);
	s += (__u16)to + (__u16)(to >> 16);
	return ~fold16(s);
}

/* The L4 checksum after the words in from[] became to[]: bpf_csum_diff gives the difference. */
static __always_inline __u16 l4_update(__u16 check, __be32 *from, __be32 *to, int n)
{
	__s64 diff = bpf_csum_diff(from, n, to, n, (__u16)~check);

	return ~fold16((__u32)diff);
}

SEC("xdp")
int xdp_nat44(struct xdp_md *ctx)
{
	struct cursor c = { (void *)(long)ctx->data, (void *)(long)ctx->data_end };
	__be32 old_words[2], new_words[2];
	struct nat_key key = {};
	struct nat_val *val;
	struct ethhdr *eth;
	struct iphdr *iph;
	__be16 *ports;
	__sum16 *check;

	if (parse_eth(&c, &eth) != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	iph = c.pos;
	if ((void *)(iph + 1) > c.end || iph->ihl < 5 || (iph->frag_off & bpf_htons(0x3fff)))
		return XDP_PASS;
	ports = (void *)iph + iph->ihl * 4;
	if (iph->protocol == IPPROTO_TCP) {
		struct tcphdr *th = (void *)ports;

		if ((void *)(th + 1) > c.end)
			return XDP_PASS;
		check = &th->check;
	} else if (iph->protocol == IPPROTO_UDP) {
		struct udphdr *uh = (void *)ports;

		if ((void *)(uh + 1) > c.end)
			return XDP_PASS;
		check = &uh->check;
	} else {
		return XDP_PASS;
	}
	key.addr = iph->daddr;
	key.port = ports[1];
	key.proto = iph->protocol;
	val = bpf_map_lookup_elem(&dnat, &key);
	if (!val)
		return XDP_PASS;

	/* the pseudo-header's destination address and the port pair, before and after */
	old_words[0] = iph->daddr;
	__builtin_memcpy(&old_words[1], ports, 4);
	new_words[0] = val->addr;
	new_words[1] = old_words[1];
	((__be16 *)&new_words[1])[1] = val->port;

	iph->check = csum_replace4(iph->check, iph->daddr, val->addr);
	iph->daddr = val->addr;
	ports[1] = val->port;
	if (iph->protocol == IPPROTO_TCP || *check)
		*check = l4_update(*check, old_words, new_words, sizeof(old_words));
	__sync_fetch_and_add(&val->hits, 1);
	swap_mac(eth);
	return XDP_TX;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
