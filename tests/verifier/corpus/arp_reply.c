// SPDX-License-Identifier: BSD-2-Clause
/*
 * arp_reply.c - answer ARP requests for addresses of a hash (IPv4 -> MAC) in place and send the
 * reply back with XDP_TX, like a proxy-ARP responder; requests for other addresses are redirected
 * through a devmap-hash keyed by the ingress port, replies pass.
 */
#include "corpus.h"

struct arp_eth {
	__be16 htype;
	__be16 ptype;
	__u8 hlen;
	__u8 plen;
	__be16 oper;
	__u8 sha[ETH_ALEN];
	__u8 spa[4];
	__u8 tha[ETH_ALEN];
	__u8 tpa[4];
};

struct mac {
	__u8 addr[ETH_ALEN];
	__u16 pad;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, struct mac);
} proxied SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_DEVMAP_HASH);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, __u32);
} uplinks SEC(".maps");

SEC("xdp")
int xdp_arp_reply(struct xdp_md *ctx)
{
	struct cursor c = { (void *)(long)ctx->data, (void *)(long)ctx->data_end };
	struct ethhdr *eth;
	struct arp_eth *arp;
	struct mac *m;
	__u8 ip[4];
	__u32 tpa;

	if (parse_eth(&c, &eth) != bpf_htons(ETH_P_ARP))
		return XDP_PASS;
	arp = c.pos;
	if ((void *)(arp + 1) > c.end || arp->htype != bpf_htons(1) ||
	    arp->ptype != bpf_htons(ETH_P_IP) || arp->hlen != ETH_ALEN || arp->plen != 4)
		return XDP_DROP;
	if (arp->oper != bpf_htons(1))
		return XDP_PASS;
	__builtin_memcpy(&tpa, arp->tpa, 4);
	m = bpf_map_lookup_elem(&proxied, &tpa);
	if (!m)
		return bpf_redirect_map(&uplinks, ctx->ingress_ifindex, XDP_PASS);
	__builtin_memcpy(eth->h_dest, arp->sha, ETH_ALEN);
	__builtin_memcpy(eth->h_source, m->addr, ETH_ALEN);
	arp->oper = bpf_htons(2);
	__builtin_memcpy(arp->tha, arp->sha, ETH_ALEN);
	__builtin_memcpy(ip, arp->spa, 4);
	__builtin_memcpy(arp->spa, arp->tpa, 4);
	__builtin_memcpy(arp->tpa, ip, 4);
	__builtin_memcpy(arp->sha, m->addr, ETH_ALEN);
	return XDP_TX;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
