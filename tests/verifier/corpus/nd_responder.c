// SPDX-License-Identifier: BSD-2-Clause
/*
 * nd_responder.c - an IPv6 neighbour discovery proxy (the IPv6 twin of a proxy-ARP responder):
 * Neighbor Solicitations for targets in a hash (IPv6 address -> MAC) are turned in place into
 * solicited Neighbor Advertisements carrying the target's link-layer address, the ICMPv6
 * checksum recomputed with bpf_csum_diff over the pseudo-header and the message, and sent back
 * with XDP_TX. Solicitations from the unspecified address (duplicate address detection) are
 * answered to all-nodes. Other ICMPv6 passes; counters per outcome in a per-CPU array.
 */
#include "corpus.h"

#define ND_NS 135
#define ND_NA 136
#define OPT_SLLA 1
#define OPT_TLLA 2
#define NA_FLAG_SOLICITED 0x40000000u
#define NA_FLAG_OVERRIDE 0x20000000u

/* A solicitation or advertisement with one link-layer address option, as on the wire. */
struct nd_msg {
	__u8 type;
	__u8 code;
	__sum16 csum;
	__be32 flags;
	struct in6_addr target;
	__u8 opt_type;
	__u8 opt_len; /* in units of 8 bytes */
	__u8 lladdr[ETH_ALEN];
};

struct mac {
	__u8 addr[ETH_ALEN];
};

enum { N_ANSWERED, N_DAD, N_UNKNOWN, N_MALFORMED, N_MAX };

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, struct in6_addr);
	__type(value, struct mac);
} proxied SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, N_MAX);
	__type(key, __u32);
	__type(value, __u64);
} nd_stats SEC(".maps");

static __always_inline int count(__u32 what, int action)
{
	__u64 *v = bpf_map_lookup_elem(&nd_stats, &what);

	if (v)
		*v += 1;
	return action;
}

static __always_inline int addr_unspecified(const struct in6_addr *a)
{
	return !(a->in6_u.u6_addr32[0] | a->in6_u.u6_addr32[1] | a->in6_u.u6_addr32[2] |
		 a->in6_u.u6_addr32[3]);
}

/* The ICMPv6 checksum: pseudo-header (addresses, length, next header) and the message. */
static __always_inline __u16 icmp6_csum(struct ipv6hdr *ip6h, struct nd_msg *nd)
{
	__be32 tail[2] = { bpf_htonl(sizeof(*nd)), bpf_htonl(IPPROTO_ICMPV6) };
	__s64 sum;

	sum = bpf_csum_diff(0, 0, (__be32 *)&ip6h->saddr, 2 * sizeof(struct in6_addr), 0);
	sum = bpf_csum_diff(0, 0, tail, sizeof(tail), (__u32)sum);
	sum = bpf_csum_diff(0, 0, (__be32 *)nd, sizeof(*nd), (__u32)sum);
	return csum_fold((__u32)sum);
}

SEC("xdp")
int xdp_nd_responder(struct xdp_md *ctx)
{
	struct cursor c = { (void *)(long)ctx->data, (void *)(long)ctx->data_end };
	struct ipv6hdr *ip6h;
	struct ethhdr *eth;
	struct nd_msg *nd;
	struct mac *mac;
	__u32 what = N_ANSWERED;

	if (parse_eth(&c, &eth) != bpf_htons(ETH_P_IPV6))
		return XDP_PASS;
	ip6h = c.pos;
	if ((void *)(ip6h + 1) > c.end || ip6h->nexthdr != IPPROTO_ICMPV6)
		return XDP_PASS;
	nd = (void *)(ip6h + 1);
	if ((void *)(nd + 1) > c.end || nd->type != ND_NS)
		return XDP_PASS;
	/* RFC 4861 7.1.1: hop limit 255, code 0, an SLLA option only with a source address */
	if (ip6h->hop_limit != 255 || nd->code || ip6h->payload_len != bpf_htons(sizeof(*nd)) ||
	    nd->opt_type != OPT_SLLA || nd->opt_len != 1)
		return count(N_MALFORMED, XDP_DROP);
	mac = bpf_map_lookup_elem(&proxied, &nd->target);
	if (!mac)
		return count(N_UNKNOWN, XDP_PASS);

	/* the answer goes back to the asker, or to all nodes for duplicate address detection */
	if (addr_unspecified(&ip6h->saddr)) {
		what = N_DAD;
		__builtin_memset(&ip6h->daddr, 0, sizeof(ip6h->daddr));
		ip6h->daddr.in6_u.u6_addr8[0] = 0xff;
		ip6h->daddr.in6_u.u6_addr8[1] = 0x02;
		ip6h->daddr.in6_u.u6_addr8[15] = 0x01;
		__builtin_memset(eth->h_dest, 0, ETH_ALEN);
		eth->h_dest[0] = 0x33;
		eth->h_dest[1] = 0x33;
		eth->h_dest[5] = 0x01;
	} else {
		ip6h->daddr = ip6h->saddr;
		__builtin_memcpy(eth->h_dest, eth->h_source, ETH_ALEN);
	}
	ip6h->saddr = nd->target;
	__builtin_memcpy(eth->h_source, mac->addr, ETH_ALEN);

	nd->type = ND_NA;
	nd->csum = 0;
	nd->flags = bpf_htonl(NA_FLAG_OVERRIDE | (what == N_DAD ? 0 : NA_FLAG_SOLICITED));
	nd->opt_type = OPT_TLLA;
	__builtin_memcpy(nd->lladdr, mac->addr, ETH_ALEN);
	nd->csum = icmp6_csum(ip6h, nd);
	return count(what, XDP_TX);
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
