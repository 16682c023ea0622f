// SPDX-License-Identifier: BSD-2-Clause
/*
 * tail_trailer.c - append a 8-byte trailer (a sequence number from .bss and the ingress port) to
 * every IPv4 UDP frame with bpf_xdp_adjust_tail, as telemetry taps do, then fix the IPv4 and UDP
 * lengths (the UDP checksum is cleared) and count appended bytes in .data.
 */
#include "corpus.h"

struct trailer {
	__u32 seq;
	__u32 ifindex;
};

__u32 next_seq;
__u64 appended = 0;

SEC("xdp")
int xdp_tail_trailer(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph = data + sizeof(*eth);
	struct udphdr *uh = (void *)(iph + 1);
	struct trailer *t;
	__u32 csum, old_len, ifindex = ctx->ingress_ifindex;
	__u16 ip_len, udp_len;
	int len;

	if ((void *)(uh + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP) ||
	    iph->ihl != 5 || iph->protocol != IPPROTO_UDP)
		return XDP_PASS;
	len = data_end - data;
	if (len > 1400)
		return XDP_PASS;
	if (bpf_xdp_adjust_tail(ctx, sizeof(*t)))
		return XDP_PASS;
	data = (void *)(long)ctx->data;
	data_end = (void *)(long)ctx->data_end;
	iph = data + sizeof(*eth);
	uh = (void *)(iph + 1);
	if ((void *)(uh + 1) > data_end)
		return XDP_DROP;
	len &= 0x7ff;
	t = data + len;
	if ((void *)(t + 1) > data_end)
		return XDP_DROP;
	t->seq = next_seq++;
	t->ifindex = ifindex;
	old_len = iph->tot_len;
	ip_len = bpf_ntohs(iph->tot_len) + sizeof(*t);
	iph->tot_len = bpf_htons(ip_len);
	csum = (__u16)~iph->check + (__u16)~old_len + iph->tot_len;
	csum = (csum & 0xffff) + (csum >> 16);
	iph->check = ~((csum & 0xffff) + (csum >> 16));
	udp_len = bpf_ntohs(uh->len) + sizeof(*t);
	uh->len = bpf_htons(udp_len);
	uh->check = 0;
	__sync_fetch_and_add(&appended, sizeof(*t));
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
