// SPDX-License-Identifier: BSD-2-Clause
/*
 * icmp_echo.c - answer ICMP and ICMPv6 echo requests in place (the xdp-tutorial responder):
 * swap the MACs and the IP addresses, turn the request into a reply, fix the ICMP checksum
 * incrementally (RFC 1624) and send it back with XDP_TX.
 */
#include "corpus.h"

static __always_inline __u16 csum_replace16(__u16 check, __u16 old, __u16 new)
{
	__u32 sum = (__u16)~check + (__u16)~old + new;

	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	return (__u16)~sum;
}

static __always_inline int echo4(struct cursor *c, struct ethhdr *eth)
{
	struct iphdr *iph = c->pos;
	struct icmphdr *icmp;
	__u32 addr;
	__u16 old;

	if ((void *)(iph + 1) > c->end || iph->protocol != IPPROTO_ICMP || iph->ihl != 5)
		return XDP_PASS;
	icmp = (void *)(iph + 1);
	if ((void *)(icmp + 1) > c->end || icmp->type != ICMP_ECHO)
		return XDP_PASS;
	swap_mac(eth);
	addr = iph->saddr;
	iph->saddr = iph->daddr;
	iph->daddr = addr;
	old = *(__u16 *)icmp;
	icmp->type = ICMP_ECHOREPLY;
	icmp->checksum = csum_replace16(icmp->checksum, old, *(__u16 *)icmp);
	return XDP_TX;
}

static __always_inline int echo6(struct cursor *c, struct ethhdr *eth)
{
	struct ipv6hdr *ip6h = c->pos;
	struct icmp6hdr *icmp6;
	struct in6_addr tmp;
	__u16 old;

	if ((void *)(ip6h + 1) > c->end || ip6h->nexthdr != IPPROTO_ICMPV6)
		return XDP_PASS;
	icmp6 = (void *)(ip6h + 1);
	if ((void *)(icmp6 + 1) > c->end || icmp6->icmp6_type != ICMPV6_ECHO_REQUEST)
		return XDP_PASS;
	swap_mac(eth);
	tmp = ip6h->saddr;
	ip6h->saddr = ip6h->daddr;
	ip6h->daddr = tmp;
	old = *(__u16 *)icmp6;
	icmp6->icmp6_type = ICMPV6_ECHO_REPLY;
	icmp6->icmp6_cksum = csum_replace16(icmp6->icmp6_cksum, old, *(__u16 *)icmp6);
	return XDP_TX;
}

SEC("xdp")
int xdp_icmp_echo(struct xdp_md *ctx)
{
	struct cursor c = { (void *)(long)ctx->data, (void *)(long)ctx->data_end };
	struct ethhdr *eth;
	int proto = parse_eth(&c, &eth);

	if (proto == bpf_htons(ETH_P_IP))
		return echo4(&c, eth);
	if (proto == bpf_htons(ETH_P_IPV6))
		return echo6(&c, eth);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
