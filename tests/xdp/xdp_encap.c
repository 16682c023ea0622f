// SPDX-License-Identifier: BSD-2-Clause
/*
 * xdp_encap.c - moving the packet's head and tail. Every frame first probes the limits of
 * bpf_xdp_adjust_head/_tail (past the headroom, below an Ethernet header, past the frame's
 * tailroom, exactly to the limits and back) and records each return code. Then: UDP to port
 * 4789 is encapsulated in IPIP (adjust_head -20, outer header checksummed with csum_diff,
 * XDP_TX); IPIP is decapsulated (adjust_head +20); Ethernet padding after the IPv4 datagram is
 * trimmed and frames over 1514 bytes cut to 1514 (adjust_tail); IPv6 UDP gets an 8-byte
 * trailer; ARP frames are grown to the largest frame the buffer allows.
 */
#include "xdp_common.h"

#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/udp.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>

#define MAX_FRAME 3520 /* 4096 - 256 headroom - 320 tailroom */
#define HEADROOM_USABLE 216 /* 256 - sizeof(struct xdp_frame) */

enum {
	P_TAIL_HUGE, P_TAIL_TO_ZERO, P_HEAD_PAST, P_HEAD_RUNT, P_HEAD_MAX, P_HEAD_BACK,
	P_TAIL_MAX, P_TAIL_MAX_PLUS1, P_TAIL_BACK, P_LEN_AT_MAX, P_ENCAP, P_DECAP, P_TRIM,
	P_TRAILER, P_GROW, P_MAX
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, P_MAX);
	__type(key, __u32);
	__type(value, __s64);
} probes SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, __s64);
	__type(value, __u64);
} rc_count SEC(".maps");

__u32 encapped, decapped, trimmed, grown; /* .bss */

static __always_inline void record(__u32 slot, long rc)
{
	__s64 *p = bpf_map_lookup_elem(&probes, &slot), key = rc;
	__u64 one = 1, *n;

	if (p)
		*p = rc;
	n = bpf_map_lookup_elem(&rc_count, &key);
	if (n) {
		__sync_fetch_and_add(n, 1);
		return;
	}
	bpf_map_update_elem(&rc_count, &key, &one, BPF_NOEXIST);
}

static __noinline int probe_limits(struct xdp_md *ctx)
{
	int len = bpf_xdp_get_buff_len(ctx);
	long rc;

	record(P_TAIL_HUGE, bpf_xdp_adjust_tail(ctx, 4096));
	record(P_TAIL_TO_ZERO, bpf_xdp_adjust_tail(ctx, -len));
	record(P_HEAD_PAST, bpf_xdp_adjust_head(ctx, -(HEADROOM_USABLE + 1)));
	record(P_HEAD_RUNT, bpf_xdp_adjust_head(ctx, len - ETH_HLEN + 1));
	rc = bpf_xdp_adjust_head(ctx, -HEADROOM_USABLE);
	record(P_HEAD_MAX, rc);
	if (!rc)
		record(P_HEAD_BACK, bpf_xdp_adjust_head(ctx, HEADROOM_USABLE));
	rc = bpf_xdp_adjust_tail(ctx, MAX_FRAME - len);
	record(P_TAIL_MAX, rc);
	if (rc)
		return -1;
	record(P_LEN_AT_MAX, bpf_xdp_get_buff_len(ctx));
	record(P_TAIL_MAX_PLUS1, bpf_xdp_adjust_tail(ctx, 1));
	rc = bpf_xdp_adjust_tail(ctx, len - MAX_FRAME);
	record(P_TAIL_BACK, rc);
	return rc ? -1 : 0;
}

static __always_inline __u16 ip_csum(struct iphdr *ip)
{
	__u32 hdr[5];

	ip->check = 0;
	__builtin_memcpy(hdr, ip, sizeof(hdr));
	return csum_fold32(bpf_csum_diff(0, 0, hdr, sizeof(hdr), 0));
}

static __always_inline int encap(struct xdp_md *ctx)
{
	void *data, *data_end;
	struct ethhdr *eth, old;
	struct iphdr *outer, *inner;
	long rc;

	data = (void *)(long)ctx->data;
	data_end = (void *)(long)ctx->data_end;
	if (data + sizeof(old) > data_end)
		return XDP_ABORTED;
	__builtin_memcpy(&old, data, sizeof(old));
	rc = bpf_xdp_adjust_head(ctx, -(int)sizeof(*outer));
	record(P_ENCAP, rc);
	if (rc)
		return XDP_DROP;
	data = (void *)(long)ctx->data;
	data_end = (void *)(long)ctx->data_end;
	eth = data;
	outer = data + sizeof(*eth);
	inner = (void *)(outer + 1);
	if ((void *)(inner + 1) > data_end)
		return XDP_ABORTED;
	__builtin_memcpy(eth, &old, sizeof(old));
	outer->version = 4;
	outer->ihl = 5;
	outer->tos = inner->tos;
	outer->tot_len = bpf_htons(bpf_ntohs(inner->tot_len) + sizeof(*outer));
	outer->id = 0;
	outer->frag_off = bpf_htons(0x4000);
	outer->ttl = 64;
	outer->protocol = IPPROTO_IPIP;
	outer->saddr = bpf_htonl(0x0a0000fe);
	outer->daddr = bpf_htonl(0x0a630001);
	outer->check = ip_csum(outer);
	encapped++;
	return XDP_TX;
}

static __always_inline int decap(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr old;
	long rc;

	if (data + sizeof(old) > data_end)
		return XDP_ABORTED;
	__builtin_memcpy(&old, data, sizeof(old));
	rc = bpf_xdp_adjust_head(ctx, sizeof(struct iphdr));
	record(P_DECAP, rc);
	if (rc)
		return XDP_DROP;
	data = (void *)(long)ctx->data;
	data_end = (void *)(long)ctx->data_end;
	if (data + sizeof(old) > data_end)
		return XDP_ABORTED;
	__builtin_memcpy(data, &old, sizeof(old));
	decapped++;
	return XDP_PASS;
}

static __always_inline int trim(struct xdp_md *ctx, int want)
{
	int len = bpf_xdp_get_buff_len(ctx);
	long rc;

	if (want >= len)
		return XDP_PASS;
	rc = bpf_xdp_adjust_tail(ctx, want - len);
	record(P_TRIM, rc);
	if (!rc)
		trimmed++;
	return XDP_PASS;
}

static __always_inline int trailer(struct xdp_md *ctx)
{
	void *data, *data_end;
	__u32 off;
	__u8 *t;
	long rc;

	rc = bpf_xdp_adjust_tail(ctx, 8);
	record(P_TRAILER, rc);
	if (rc)
		return XDP_DROP;
	data = (void *)(long)ctx->data;
	data_end = (void *)(long)ctx->data_end;
	off = bpf_xdp_get_buff_len(ctx) - 8;
	if (off > MAX_FRAME)
		return XDP_ABORTED;
	t = data + off;
	if ((void *)(t + 8) > data_end)
		return XDP_ABORTED;
	__builtin_memcpy(t, "VXDPTAIL", 8);
	return XDP_TX;
}

static __always_inline int grow_max(struct xdp_md *ctx)
{
	long rc = bpf_xdp_adjust_tail(ctx, MAX_FRAME - (int)bpf_xdp_get_buff_len(ctx));

	record(P_GROW, rc);
	if (!rc)
		grown++;
	return XDP_PASS;
}

SEC("xdp")
int encap_decap(struct xdp_md *ctx)
{
	void *data, *data_end;
	struct ethhdr *eth;
	struct iphdr *ip;
	struct udphdr *udp;
	struct ipv6hdr *ip6;
	long want;

	if (probe_limits(ctx))
		return XDP_ABORTED;
	data = (void *)(long)ctx->data;
	data_end = (void *)(long)ctx->data_end;
	eth = data;
	if ((void *)(eth + 1) > data_end)
		return XDP_DROP;
	if (eth->h_proto == bpf_htons(ETH_P_ARP))
		return grow_max(ctx);
	if (eth->h_proto == bpf_htons(ETH_P_IPV6)) {
		ip6 = (void *)(eth + 1);
		if ((void *)(ip6 + 1) > data_end || ip6->nexthdr != IPPROTO_UDP)
			return XDP_PASS;
		return trailer(ctx);
	}
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	ip = (void *)(eth + 1);
	if ((void *)(ip + 1) > data_end || ip->ihl != 5)
		return XDP_PASS;
	if (ip->protocol == IPPROTO_IPIP)
		return decap(ctx);
	if (ip->protocol == IPPROTO_UDP) {
		udp = (void *)(ip + 1);
		if ((void *)(udp + 1) <= data_end && udp->dest == bpf_htons(4789))
			return encap(ctx);
	}
	want = bpf_ntohs(ip->tot_len) + sizeof(*eth);
	if (want < data_end - data)
		return trim(ctx, want > 60 ? want : 60);
	return trim(ctx, 1514);
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
