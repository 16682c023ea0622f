/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * corpus.h - what the verifier corpus programs share: the kernel headers they use, Ethernet and
 * VLAN parsing checked against data_end, and checksum folding. Written for this project in the
 * style of the kernel's samples/bpf and xdp-tools.
 */
#ifndef VXDP_CORPUS_H
#define VXDP_CORPUS_H

/* linux/icmp.h pulls in glibc's sys/socket.h through linux/if.h: take if.h's place. */
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

struct vlan_hdr {
	__be16 tci;
	__be16 proto;
};

/* A cursor over the frame: where the next header starts. */
struct cursor {
	void *pos;
	void *end;
};

/* Ethernet and up to two VLAN tags; returns the EtherType (network order) or -1. */
static __always_inline int parse_eth(struct cursor *c, struct ethhdr **eth_out)
{
	struct ethhdr *eth = c->pos;
	struct vlan_hdr *vh;
	__be16 proto;
	int i;

	if ((void *)(eth + 1) > c->end)
		return -1;
	c->pos = eth + 1;
	proto = eth->h_proto;
	*eth_out = eth;
#pragma unroll
	for (i = 0; i < 2; i++) {
		if (proto != bpf_htons(ETH_P_8021Q) && proto != bpf_htons(ETH_P_8021AD))
			break;
		vh = c->pos;
		if ((void *)(vh + 1) > c->end)
			return -1;
		proto = vh->proto;
		c->pos = vh + 1;
	}
	return proto;
}

/* Fold a 64-bit one's complement sum to 16 bits and complement it. */
static __always_inline __u16 csum_fold(__u64 sum)
{
	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	return (__u16)~sum;
}

/* Swap the Ethernet addresses in place. */
static __always_inline void swap_mac(struct ethhdr *eth)
{
	__u8 tmp[ETH_ALEN];

	__builtin_memcpy(tmp, eth->h_source, ETH_ALEN);
	__builtin_memcpy(eth->h_source, eth->h_dest, ETH_ALEN);
	__builtin_memcpy(eth->h_dest, tmp, ETH_ALEN);
}

#endif /* VXDP_CORPUS_H */
