// SPDX-License-Identifier: BSD-2-Clause
/*
 * lb_encap.c - a layer-4 load balancer (the shape of samples/bpf xdp_tx_iptunnel and Katran's
 * data path): a hash of virtual IP:port:protocol to a service, the backend chosen by a hash of
 * the flow's source among the service's backends in an array, then IP-in-IP encapsulation:
 * bpf_xdp_adjust_head makes room for an outer IPv4 header, written with its checksum, and the
 * frame goes back out with XDP_TX.
 */
#include "corpus.h"

#define MAX_BACKENDS 8

struct vip_key {
	__u32 addr;
	__u16 port;
	__u8 proto;
	__u8 pad;
};

struct service {
	__u32 first;	/* index of the first backend */
	__u32 count;	/* number of backends, <= MAX_BACKENDS */
};

struct backend {
	__u32 addr;
	__u8 mac[ETH_ALEN];
	__u16 pad;
};

const volatile __u32 local_addr = 0x0100000a;

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, struct vip_key);
	__type(value, struct service);
} vips SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, struct backend);
} backends SEC(".maps");

static __always_inline __u16 ip_csum(struct iphdr *iph)
{
	__u16 *p = (__u16 *)iph;
	__u64 sum = 0;
	int i;

#pragma unroll
	for (i = 0; i < (int)sizeof(*iph) / 2; i++)
		sum += p[i];
	return csum_fold(sum);
}

SEC("xdp")
int xdp_lb_encap(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data, *neth;
	struct iphdr *iph = data + sizeof(*eth), *outer;
	struct vip_key vk = {};
	struct service *svc;
	struct backend *be;
	struct udphdr *l4;
	__u32 idx;
	__u16 inner_len;

	if ((void *)(iph + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP) || iph->ihl != 5)
		return XDP_PASS;
	if (iph->protocol != IPPROTO_TCP && iph->protocol != IPPROTO_UDP)
		return XDP_PASS;
	l4 = (void *)(iph + 1);
	if ((void *)(l4 + 1) > data_end)
		return XDP_PASS;
	vk.addr = iph->daddr;
	vk.port = l4->dest;
	vk.proto = iph->protocol;
	svc = bpf_map_lookup_elem(&vips, &vk);
	if (!svc || !svc->count || svc->count > MAX_BACKENDS)
		return XDP_PASS;
	idx = svc->first + (iph->saddr ^ l4->source) % svc->count;
	be = bpf_map_lookup_elem(&backends, &idx);
	if (!be)
		return XDP_PASS;
	inner_len = bpf_ntohs(iph->tot_len);
	if (bpf_xdp_adjust_head(ctx, -(int)sizeof(struct iphdr)))
		return XDP_DROP;
	data = (void *)(long)ctx->data;
	data_end = (void *)(long)ctx->data_end;
	neth = data;
	eth = data + sizeof(struct iphdr);
	outer = data + sizeof(*eth);
	if ((void *)(outer + 1) > data_end || (void *)(eth + 1) > data_end)
		return XDP_DROP;
	__builtin_memcpy(neth->h_source, eth->h_dest, ETH_ALEN);
	__builtin_memcpy(neth->h_dest, be->mac, ETH_ALEN);
	neth->h_proto = bpf_htons(ETH_P_IP);
	outer->version = 4;
	outer->ihl = 5;
	outer->tos = 0;
	outer->tot_len = bpf_htons(inner_len + sizeof(*outer));
	outer->id = 0;
	outer->frag_off = 0;
	outer->ttl = 8;
	outer->protocol = IPPROTO_IPIP;
	outer->check = 0;
	outer->saddr = local_addr;
	outer->daddr = be->addr;
	outer->check = ip_csum(outer);
	return XDP_TX;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
