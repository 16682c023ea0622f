// SPDX-License-Identifier: BSD-2-Clause
/*
 * swap_tx.c - bounce UDP back out of the port it came in on (the shape of samples/bpf xdp2):
 * count per protocol, swap the Ethernet addresses, the IPv4 addresses and the UDP ports, XDP_TX.
 * Everything else passes.
 */
#include "corpus.h"

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, __u64);
} rxcnt SEC(".maps");

SEC("xdp")
int xdp_swap_tx(struct xdp_md *ctx)
{
	struct cursor c = { (void *)(long)ctx->data, (void *)(long)ctx->data_end };
	struct ethhdr *eth;
	struct iphdr *iph;
	struct udphdr *udph;
	__u32 key, addr;
	__u16 port;
	__u64 *cnt;

	if (parse_eth(&c, &eth) != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	iph = c.pos;
	if ((void *)(iph + 1) > c.end || iph->ihl != 5)
		return XDP_PASS;
	key = iph->protocol;
	cnt = bpf_map_lookup_elem(&rxcnt, &key);
	if (cnt)
		*cnt += 1;
	if (iph->protocol != IPPROTO_UDP)
		return XDP_PASS;
	udph = (void *)(iph + 1);
	if ((void *)(udph + 1) > c.end)
		return XDP_PASS;
	swap_mac(eth);
	addr = iph->saddr;
	iph->saddr = iph->daddr;
	iph->daddr = addr;
	port = udph->source;
	udph->source = udph->dest;
	udph->dest = port;
	return XDP_TX;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
