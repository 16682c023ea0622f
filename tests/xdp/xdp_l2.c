// SPDX-License-Identifier: BSD-2-Clause
/*
 * xdp_l2.c - layer 2 rewriting: an ARP responder (requests for addresses in a table become
 * replies in place, XDP_TX, also behind VLAN tags), 802.1Q tag pop or VID translation by a
 * per-VID action array, the outer 802.1ad tag of QinQ frames popped, and a tag pushed in
 * front of untagged frames to one MAC (bpf_xdp_adjust_head by -4, MACs moved).
 */
#include "xdp_common.h"

#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>

#define ARPOP_REQUEST 1 /* linux/if_arp.h needs glibc's struct sockaddr */
#define ARPOP_REPLY 2
#define VLAN_POP 1
#define VLAN_XLATE 2
#define PUSH_VID 42

struct arp_eth_ipv4 {
	__be16 htype;
	__be16 ptype;
	__u8 hlen;
	__u8 plen;
	__be16 op;
	__u8 sha[ETH_ALEN];
	__u8 spa[4];
	__u8 tha[ETH_ALEN];
	__u8 tpa[4];
} __attribute__((packed));

struct mac_entry {
	__u8 mac[ETH_ALEN];
	__u16 flags;
};

struct vlan_act {
	__u32 action;
	__u32 new_vid;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16);
	__type(key, __be32);
	__type(value, struct mac_entry);
} arp_table SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, struct vlan_act);
} vlan_actions SEC(".maps");

struct l2_stats {
	__u32 arp_replies;
	__u32 arp_ignored;
	__u32 popped;
	__u32 translated;
	__u32 qinq_popped;
	__u32 pushed;
	__u32 push_failed;
	__u32 other;
};

struct l2_stats stats;			/* .bss */
const volatile __u8 push_mac_lo = 0x42;	/* .rodata */

static __always_inline int arp_reply(struct ethhdr *eth, struct arp_eth_ipv4 *arp,
				     void *data_end)
{
	struct mac_entry *me;
	__be32 tip;

	if ((void *)(arp + 1) > data_end || arp->op != bpf_htons(ARPOP_REQUEST) ||
	    arp->hlen != ETH_ALEN || arp->plen != 4)
		goto ignore;
	__builtin_memcpy(&tip, arp->tpa, 4);
	me = bpf_map_lookup_elem(&arp_table, &tip);
	if (!me)
		goto ignore;
	arp->op = bpf_htons(ARPOP_REPLY);
	__builtin_memcpy(arp->tha, arp->sha, ETH_ALEN);
	__builtin_memcpy(arp->tpa, arp->spa, 4);
	__builtin_memcpy(arp->sha, me->mac, ETH_ALEN);
	__builtin_memcpy(arp->spa, &tip, 4);
	__builtin_memcpy(eth->h_dest, eth->h_source, ETH_ALEN);
	__builtin_memcpy(eth->h_source, me->mac, ETH_ALEN);
	stats.arp_replies++;
	return XDP_TX;
ignore:
	stats.arp_ignored++;
	return XDP_PASS;
}

/* Remove the 4-byte tag after the MACs: move the MACs up, then the head. */
static __always_inline int pop_tag(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	__u8 macs[2 * ETH_ALEN];

	if (data + 2 * ETH_ALEN + 4 > data_end)
		return -1;
	__builtin_memcpy(macs, data, sizeof(macs));
	if (bpf_xdp_adjust_head(ctx, 4))
		return -1;
	data = (void *)(long)ctx->data;
	data_end = (void *)(long)ctx->data_end;
	if (data + sizeof(macs) > data_end)
		return -1;
	__builtin_memcpy(data, macs, sizeof(macs));
	return 0;
}

static __always_inline int push_tag(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	__u8 macs[2 * ETH_ALEN];
	struct vlan_tag *tag;

	if (data + sizeof(macs) > data_end)
		return -1;
	__builtin_memcpy(macs, data, sizeof(macs));
	if (bpf_xdp_adjust_head(ctx, -4))
		return -1;
	data = (void *)(long)ctx->data;
	data_end = (void *)(long)ctx->data_end;
	tag = data + sizeof(macs);
	if ((void *)(tag + 1) > data_end)
		return -1;
	__builtin_memcpy(data, macs, sizeof(macs));
	tag->proto = bpf_htons(ETH_P_8021Q);
	tag->tci = bpf_htons(PUSH_VID);
	return 0;
}

static __always_inline int do_vlan(struct xdp_md *ctx, struct l2_info *l2, struct vlan_tag *tag)
{
	__u32 vid = l2->vlan[0];
	struct vlan_act *va;

	if (bpf_ntohs(((struct ethhdr *)(long)ctx->data)->h_proto) == ETH_P_8021AD) {
		if (pop_tag(ctx))
			return XDP_ABORTED;
		stats.qinq_popped++;
		return XDP_PASS;
	}
	va = bpf_map_lookup_elem(&vlan_actions, &vid);
	if (!va || !va->action)
		return XDP_PASS;
	if (va->action == VLAN_XLATE) {
		tag->tci = (tag->tci & bpf_htons(0xf000)) | bpf_htons(va->new_vid & 0x0fff);
		stats.translated++;
		return XDP_TX;
	}
	if (pop_tag(ctx))
		return XDP_ABORTED;
	stats.popped++;
	return XDP_PASS;
}

SEC("xdp")
int l2(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct vlan_tag *tag = data + sizeof(*eth);
	struct l2_info l2;

	if (parse_l2(data, data_end, &l2) || l2.l3_off > 22)
		return XDP_DROP;
	if (l2.proto == ETH_P_ARP)
		return arp_reply(eth, data + l2.l3_off, data_end);
	if (l2.nr_vlans) {
		if ((void *)(tag + 1) > data_end)
			return XDP_DROP;
		return do_vlan(ctx, &l2, tag);
	}
	if (eth->h_dest[5] == push_mac_lo && l2.proto == ETH_P_IP) {
		if (push_tag(ctx)) {
			stats.push_failed++;
			return XDP_DROP;
		}
		stats.pushed++;
		return XDP_TX;
	}
	stats.other++;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
