// SPDX-License-Identifier: BSD-2-Clause
/*
 * vxlan_decap.c - terminate VXLAN in the host: frames to UDP port 4789 whose VNI is in a hash
 * of local networks lose their outer Ethernet, IPv4 (any IHL), UDP and VXLAN headers through a
 * positive bpf_xdp_adjust_head, and are passed up with the inner frame; per-VNI counters.
 */
#include "corpus.h"

#define VXLAN_PORT 4789

struct vxlanhdr {
	__be32 flags;
	__be32 vni;
};

struct vni_stats {
	__u64 packets;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 128);
	__type(key, __u32);
	__type(value, struct vni_stats);
} vnis SEC(".maps");

SEC("xdp")
int xdp_vxlan_decap(struct xdp_md *ctx)
{
	struct cursor c = { (void *)(long)ctx->data, (void *)(long)ctx->data_end };
	struct vni_stats *st;
	struct vxlanhdr *vx;
	struct ethhdr *eth;
	struct udphdr *uh;
	struct iphdr *iph;
	__u32 vni, hlen;

	if (parse_eth(&c, &eth) != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	iph = c.pos;
	if ((void *)(iph + 1) > c.end || iph->protocol != IPPROTO_UDP)
		return XDP_PASS;
	hlen = iph->ihl * 4;
	if (hlen < sizeof(*iph))
		return XDP_DROP;
	uh = c.pos + hlen;
	if ((void *)(uh + 1) > c.end || uh->dest != bpf_htons(VXLAN_PORT))
		return XDP_PASS;
	vx = (void *)(uh + 1);
	if ((void *)(vx + 1) > c.end || !(vx->flags & bpf_htonl(0x08000000)))
		return XDP_PASS;
	vni = bpf_ntohl(vx->vni) >> 8;
	st = bpf_map_lookup_elem(&vnis, &vni);
	if (!st)
		return XDP_PASS;
	__sync_fetch_and_add(&st->packets, 1);
	__sync_fetch_and_add(&st->bytes, c.end - (void *)(vx + 1));
	if (bpf_xdp_adjust_head(ctx, (void *)(vx + 1) - (void *)(long)ctx->data))
		return XDP_DROP;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
