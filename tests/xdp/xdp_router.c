// SPDX-License-Identifier: BSD-2-Clause
/*
 * xdp_router.c - an IPv4 forwarder. Answers ICMP echo to its own address in place (MAC and IP
 * swap, ICMP checksum fixed with bpf_csum_diff, XDP_TX); forwards by a /32 route table:
 * TTL decrement with an incremental checksum update through bpf_csum_diff (checked against a
 * full recomputation), MAC rewrite, then bpf_redirect_map into a devmap or a devmap_hash (with
 * the fallback action in the flags), or bpf_redirect. Broadcasts go through BPF_F_BROADCAST.
 * csum_diff's raw results (unfolded 32-bit sums in older kernels, folded to 16 bits since
 * Linux 6.13) and its return for sizes that are not a multiple of 4 are kept in a map.
 */
#include "xdp_common.h"

#include <linux/bpf.h>
#include <linux/icmp.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>

enum { VIA_DEVMAP = 1, VIA_DEVMAP_HASH = 2, VIA_REDIRECT = 3, VIA_REDIRECT_BADFLAGS = 4 };

struct route {
	__u32 via;	/* VIA_* */
	__u32 port;	/* devmap index, devmap_hash key, or ifindex */
	__u8 dmac[6];
	__u8 smac[6];
	__u32 fallback;	/* redirect_map's fallback action */
};

/* Slots of the csum array. */
enum { CS_TTL_RAW, CS_FULL_RAW, CS_ICMP_RAW, CS_BAD_SIZE, CS_MISMATCH, CS_CHECKED, CS_MAX };

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16);
	__type(key, __be32);
	__type(value, struct route);
} routes SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_DEVMAP);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, struct bpf_devmap_val);
} tx_ports SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_DEVMAP_HASH);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, __u32);
} tx_hash SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, CS_MAX);
	__type(key, __u32);
	__type(value, __u64);
} csums SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, __u32);
} actions SEC(".maps");

const volatile __be32 cfg_my_addr = 0xfe00000a; /* 10.0.0.254 in network order */

__u32 devmap_ifindex_seen; /* .bss: ifindex read back from the devmap */
__u32 ttl_expired;

static __always_inline void put_csum(__u32 slot, __u64 v)
{
	__u64 *p = bpf_map_lookup_elem(&csums, &slot);

	if (p)
		*p = v;
}

static __always_inline void bump_csum(__u32 slot)
{
	__u64 *p = bpf_map_lookup_elem(&csums, &slot);

	if (p)
		__sync_fetch_and_add(p, 1);
}

static __always_inline int account(int act)
{
	__u32 key = act & 7;
	__u32 *v = bpf_map_lookup_elem(&actions, &key);

	if (v)
		__sync_fetch_and_add(v, 1);
	return act;
}

static __always_inline void swap_mac(struct ethhdr *eth)
{
	__u8 tmp[ETH_ALEN];

	__builtin_memcpy(tmp, eth->h_source, ETH_ALEN);
	__builtin_memcpy(eth->h_source, eth->h_dest, ETH_ALEN);
	__builtin_memcpy(eth->h_dest, tmp, ETH_ALEN);
}

/* ICMP echo request to us: turn it into the reply in place. */
static __always_inline int echo_reply(struct ethhdr *eth, struct iphdr *ip, void *data_end)
{
	struct icmphdr *icmp = (void *)(ip + 1);
	__u32 old_w, new_w;
	__be32 tmp;
	__s64 sum;

	if (ip->ihl != 5 || (void *)(icmp + 1) > data_end || icmp->type != ICMP_ECHO)
		return XDP_PASS;
	old_w = *(__u32 *)icmp;
	icmp->type = ICMP_ECHOREPLY;
	new_w = *(__u32 *)icmp;
	sum = bpf_csum_diff(&old_w, 4, &new_w, 4, (__u16)~icmp->checksum);
	put_csum(CS_ICMP_RAW, sum);
	icmp->checksum = csum_fold32(sum);
	tmp = ip->saddr;
	ip->saddr = ip->daddr;
	ip->daddr = tmp;
	swap_mac(eth);
	return XDP_TX;
}

/* Recompute the header checksum over 20 bytes; 1 when it matches what is there. */
static __always_inline int verify_hdr(struct iphdr *ip)
{
	__u32 hdr[5];
	__s64 sum;

	__builtin_memcpy(hdr, ip, sizeof(hdr));
	sum = bpf_csum_diff(0, 0, hdr, sizeof(hdr), 0);
	put_csum(CS_FULL_RAW, sum);
	return csum_fold32(sum) == 0;
}

static __always_inline void dec_ttl(struct iphdr *ip)
{
	__u32 old_w = 0, new_w = 0;
	__s64 sum;

	__builtin_memcpy(&old_w, &ip->ttl, 2);
	ip->ttl--;
	__builtin_memcpy(&new_w, &ip->ttl, 2);
	sum = bpf_csum_diff(&old_w, 4, &new_w, 4, (__u16)~ip->check);
	put_csum(CS_TTL_RAW, sum);
	ip->check = csum_fold32(sum);
}

static __always_inline int forward(struct ethhdr *eth, struct route *r)
{
	struct bpf_devmap_val *dv;
	__u32 port = r->port;

	__builtin_memcpy(eth->h_dest, r->dmac, ETH_ALEN);
	__builtin_memcpy(eth->h_source, r->smac, ETH_ALEN);
	if (r->via == VIA_DEVMAP) {
		dv = bpf_map_lookup_elem(&tx_ports, &port);
		if (dv)
			devmap_ifindex_seen = dv->ifindex;
		return bpf_redirect_map(&tx_ports, port, r->fallback);
	}
	if (r->via == VIA_DEVMAP_HASH)
		return bpf_redirect_map(&tx_hash, port, r->fallback);
	if (r->via == VIA_REDIRECT)
		return bpf_redirect(port, 0);
	if (r->via == VIA_REDIRECT_BADFLAGS)
		return bpf_redirect(port, 1);
	return XDP_DROP;
}

static __always_inline int route_ip(struct ethhdr *eth, struct iphdr *ip, void *data_end)
{
	struct route *r;
	__u8 bad[6] = {};

	if (ip->daddr == cfg_my_addr)
		return echo_reply(eth, ip, data_end);
	if (ip->daddr == 0xffffffff)
		return bpf_redirect_map(&tx_ports, 0, BPF_F_BROADCAST | BPF_F_EXCLUDE_INGRESS);
	r = bpf_map_lookup_elem(&routes, &ip->daddr);
	if (!r)
		return XDP_PASS;
	if (ip->ttl <= 1) {
		ttl_expired++;
		return XDP_PASS;
	}
	if (ip->ihl == 5) {
		bump_csum(CS_CHECKED);
		if (!verify_hdr(ip))
			bump_csum(CS_MISMATCH);
	}
	put_csum(CS_BAD_SIZE, bpf_csum_diff((void *)bad, 6, 0, 0, 0));
	dec_ttl(ip);
	return forward(eth, r);
}

SEC("xdp")
int router(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip = data + sizeof(*eth);

	if ((void *)(ip + 1) > data_end)
		return account(XDP_PASS);
	if (eth->h_proto != bpf_htons(ETH_P_IP) || ip->version != 4 || ip->ihl < 5)
		return account(XDP_PASS);
	return account(route_ip(eth, ip, data_end));
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
