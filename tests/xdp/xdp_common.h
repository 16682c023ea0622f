/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * xdp_common.h - header parsing shared by the kernel differential corpus (the programs in tests/xdp):
 * Ethernet with up to two VLAN tags (802.1Q, 802.1ad QinQ), checked against data_end the way
 * the verifier wants it. Include it first: it includes the kernel headers the corpus uses.
 */
#ifndef VXDP_TESTS_XDP_COMMON_H
#define VXDP_TESTS_XDP_COMMON_H

/*
 * linux/icmp.h includes linux/if.h, which includes glibc's sys/socket.h, which has no BPF
 * variant (gnu/stubs-32.h): take if.h's place and give icmp.h the one constant it needs.
 */
#define _LINUX_IF_H
#define IFNAMSIZ 16

#include <linux/bpf.h>
#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>

#ifndef ETH_P_8021AD
#define ETH_P_8021AD 0x88A8
#endif

struct vlan_tag {
	__be16 tci;
	__be16 proto;
};

struct l2_info {
	__u16 proto;	/* host order, after the tags */
	__u16 l3_off;	/* offset of the network header */
	__u16 vlan[2];	/* VLAN ids, outer first */
	__u8 nr_vlans;
};

static __always_inline int is_vlan(__u16 proto)
{
	return proto == ETH_P_8021Q || proto == ETH_P_8021AD;
}

/* Parse Ethernet and VLAN tags. Returns 0, or -1 when the frame is too short. */
static __always_inline int parse_l2(void *data, void *data_end, struct l2_info *l2)
{
	struct ethhdr *eth = data;
	struct vlan_tag *tag;
	__u16 off = sizeof(*eth);
	int i;

	if ((void *)(eth + 1) > data_end)
		return -1;
	l2->proto = bpf_ntohs(eth->h_proto);
	l2->nr_vlans = 0;
#pragma unroll
	for (i = 0; i < 2; i++) {
		if (!is_vlan(l2->proto))
			break;
		tag = data + off;
		if ((void *)(tag + 1) > data_end)
			return -1;
		l2->vlan[i] = bpf_ntohs(tag->tci) & 0x0fff;
		l2->proto = bpf_ntohs(tag->proto);
		l2->nr_vlans++;
		off += sizeof(*tag);
	}
	l2->l3_off = off;
	return 0;
}

/* Fold a 32-bit one's complement sum into 16 bits. */
static __always_inline __u16 csum_fold32(__u64 csum)
{
	csum = (csum & 0xffff) + (csum >> 16);
	csum = (csum & 0xffff) + (csum >> 16);
	csum = (csum & 0xffff) + (csum >> 16);
	return (__u16)~csum;
}

#endif /* VXDP_TESTS_XDP_COMMON_H */
