// SPDX-License-Identifier: BSD-2-Clause
/*
 * xdp_legacy.c - maps defined the pre-BTF way, in a `maps` section (libbpf 1.x no longer
 * loads these nor defines struct bpf_map_def, so the 5-field struct is defined here):
 * per-ethertype packet counts in an array, per-(VLAN, IP protocol) byte counts in a hash
 * without preallocation, and a drop list of IPv4 destinations. No BTF maps, no globals.
 */
#include "xdp_common.h"

#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>

struct legacy_map_def {
	unsigned int type;
	unsigned int key_size;
	unsigned int value_size;
	unsigned int max_entries;
	unsigned int map_flags;
};

enum { ET_IPV4, ET_IPV6, ET_ARP, ET_OTHER, ET_RUNT, ET_MAX };

struct legacy_map_def ethertypes SEC("maps") = {
	.type = BPF_MAP_TYPE_ARRAY,
	.key_size = sizeof(__u32),
	.value_size = sizeof(__u64),
	.max_entries = ET_MAX,
};

struct legacy_map_def proto_bytes SEC("maps") = {
	.type = BPF_MAP_TYPE_HASH,
	.key_size = sizeof(__u32),
	.value_size = sizeof(__u64),
	.max_entries = 64,
	.map_flags = BPF_F_NO_PREALLOC,
};

struct legacy_map_def blocked_dst SEC("maps") = {
	.type = BPF_MAP_TYPE_HASH,
	.key_size = sizeof(__u32),
	.value_size = sizeof(__u32),
	.max_entries = 16,
};

static __always_inline void count_et(__u32 et)
{
	__u64 *v = bpf_map_lookup_elem(&ethertypes, &et);

	if (v)
		__sync_fetch_and_add(v, 1);
}

static __always_inline void count_proto(__u32 vlan, __u32 proto, __u64 len)
{
	__u32 key = vlan << 8 | proto;
	__u64 *v = bpf_map_lookup_elem(&proto_bytes, &key);

	if (v) {
		__sync_fetch_and_add(v, len);
		return;
	}
	if (bpf_map_update_elem(&proto_bytes, &key, &len, BPF_NOEXIST))
		count_et(ET_OTHER);
}

SEC("xdp")
int legacy(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	__u32 len = data_end - data, *hits;
	struct l2_info l2;
	struct iphdr *ip;
	struct ipv6hdr *ip6;

	if (parse_l2(data, data_end, &l2) || l2.l3_off > 22) {
		count_et(ET_RUNT);
		return XDP_DROP;
	}
	if (l2.proto == ETH_P_ARP) {
		count_et(ET_ARP);
		return XDP_PASS;
	}
	if (l2.proto == ETH_P_IPV6) {
		count_et(ET_IPV6);
		ip6 = data + l2.l3_off;
		if ((void *)(ip6 + 1) <= data_end)
			count_proto(l2.nr_vlans ? l2.vlan[0] : 0, ip6->nexthdr, len);
		return XDP_PASS;
	}
	if (l2.proto != ETH_P_IP) {
		count_et(ET_OTHER);
		return XDP_PASS;
	}
	count_et(ET_IPV4);
	ip = data + l2.l3_off;
	if ((void *)(ip + 1) > data_end)
		return XDP_DROP;
	count_proto(l2.nr_vlans ? l2.vlan[0] : 0, ip->protocol, len);
	hits = bpf_map_lookup_elem(&blocked_dst, &ip->daddr);
	if (hits) {
		__sync_fetch_and_add(hits, 1);
		return XDP_DROP;
	}
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
