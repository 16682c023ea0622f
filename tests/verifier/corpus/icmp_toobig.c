// SPDX-License-Identifier: BSD-2-Clause
/*
 * icmp_toobig.c - answer IPv4 frames longer than MAX_FRAME with an ICMP "fragmentation needed"
 * (the shape of samples/bpf xdp_adjust_tail): trim the frame with bpf_xdp_adjust_tail, grow room
 * for a new IPv4 and ICMP header with bpf_xdp_adjust_head, write both with their checksums, and
 * send the result back out with XDP_TX.
 */
#include "corpus.h"

#define MAX_FRAME 600
#define QUOTED 64 /* bytes of the offending datagram quoted back */
#define NEW_HDRS (sizeof(struct iphdr) + sizeof(struct icmphdr))

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} icmp_sent SEC(".maps");

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
int xdp_icmp_toobig(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data, old_eth;
	struct iphdr *iph = data + sizeof(*eth), *niph;
	struct icmphdr *icmp;
	__u32 saddr, daddr, key = 0;
	__u64 sum = 0, *sent;
	__u16 *p;
	int len, i;

	if ((void *)(iph + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	len = data_end - data;
	if (len <= MAX_FRAME)
		return XDP_PASS;
	__builtin_memcpy(&old_eth, eth, sizeof(old_eth));
	saddr = iph->saddr;
	daddr = iph->daddr;
	if (bpf_xdp_adjust_tail(ctx, -(len - (int)sizeof(*eth) - QUOTED)))
		return XDP_DROP;
	if (bpf_xdp_adjust_head(ctx, -(int)NEW_HDRS))
		return XDP_DROP;
	data = (void *)(long)ctx->data;
	data_end = (void *)(long)ctx->data_end;
	if (data + sizeof(*eth) + NEW_HDRS + QUOTED > data_end)
		return XDP_DROP;
	eth = data;
	__builtin_memcpy(eth->h_dest, old_eth.h_source, ETH_ALEN);
	__builtin_memcpy(eth->h_source, old_eth.h_dest, ETH_ALEN);
	eth->h_proto = bpf_htons(ETH_P_IP);
	niph = data + sizeof(*eth);
	niph->version = 4;
	niph->ihl = 5;
	niph->tos = 0;
	niph->tot_len = bpf_htons(NEW_HDRS + QUOTED);
	niph->id = 0;
	niph->frag_off = 0;
	niph->ttl = 64;
	niph->protocol = IPPROTO_ICMP;
	niph->check = 0;
	niph->saddr = daddr;
	niph->daddr = saddr;
	niph->check = ip_csum(niph);
	icmp = (void *)(niph + 1);
	icmp->type = ICMP_DEST_UNREACH;
	icmp->code = ICMP_FRAG_NEEDED;
	icmp->checksum = 0;
	icmp->un.frag.__unused = 0;
	icmp->un.frag.mtu = bpf_htons(MAX_FRAME - sizeof(*eth));
	p = (__u16 *)icmp;
#pragma unroll
	for (i = 0; i < (int)(sizeof(*icmp) + QUOTED) / 2; i++)
		sum += p[i];
	icmp->checksum = csum_fold(sum);
	sent = bpf_map_lookup_elem(&icmp_sent, &key);
	if (sent)
		__sync_fetch_and_add(sent, 1);
	return XDP_TX;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
