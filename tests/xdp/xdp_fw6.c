// SPDX-License-Identifier: BSD-2-Clause
/*
 * xdp_fw6.c - an IPv6 filter: VLAN tags, then the extension header chain (hop-by-hop,
 * routing, fragment, destination options, AH) walked with a bounded loop, then TCP/UDP/ICMPv6.
 * Per next-header counters in a per-CPU hash, a flow table (5-tuple) in an LRU hash, routing
 * header type 0 and over-long chains dropped, TCP port 22 dropped unless from link-local.
 */
#include "xdp_common.h"

#include <linux/bpf.h>
#include <linux/icmpv6.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ipv6.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>

#define NEXTHDR_HOP 0
#define NEXTHDR_ROUTING 43
#define NEXTHDR_FRAGMENT 44
#define NEXTHDR_AUTH 51
#define NEXTHDR_NONE 59
#define NEXTHDR_DEST 60
#define MAX_EXT_HDRS 6

struct frag_hdr6 {
	__u8 nexthdr;
	__u8 reserved;
	__be16 frag_off;
	__be32 identification;
};

struct flow6 {
	__u8 saddr[16];
	__u8 daddr[16];
	__be16 sport;
	__be16 dport;
	__u8 proto;
	__u8 nr_ext;
	__u16 pad;
};

struct flow_stats {
	__u64 packets;
	__u64 bytes;
	__u32 first_len;
	__u32 last_len;
};

struct nh_stats {
	__u64 packets;
	__u64 bytes;
};

struct chain {
	__u16 off;	/* offset of the upper-layer header, or of the header we stopped at */
	__u8 proto;	/* its next-header value */
	__u8 nr_ext;
	__u8 nonfirst_frag;
	__u8 rh0;
	__u8 too_long;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__uint(max_entries, 32);
	__type(key, __u32);
	__type(value, struct nh_stats);
} nh_count SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 256);
	__type(key, struct flow6);
	__type(value, struct flow_stats);
} flows SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, __u32);
} ext_depth SEC(".maps");

__u32 drops_rh0, drops_chain, drops_ssh, malformed; /* .bss */

static __always_inline void count_nh(__u32 nh, __u32 len)
{
	struct nh_stats *s = bpf_map_lookup_elem(&nh_count, &nh), init = { 1, len };
	long err;

	if (s) {
		s->packets++;
		s->bytes += len;
		return;
	}
	err = bpf_map_update_elem(&nh_count, &nh, &init, BPF_NOEXIST);
	if (err)
		malformed += 1000; /* never expected: a fresh key cannot exist */
}

static __always_inline int is_ext(__u8 nh)
{
	return nh == NEXTHDR_HOP || nh == NEXTHDR_ROUTING || nh == NEXTHDR_FRAGMENT ||
	       nh == NEXTHDR_AUTH || nh == NEXTHDR_DEST;
}

/* Walk the extension headers from off; -1 when one is cut short. */
static __always_inline int walk_chain(void *data, void *data_end, struct chain *c)
{
	struct ipv6_opt_hdr *opt;
	struct frag_hdr6 *frag;
	__u8 *rh;
	int i;

	for (i = 0; i < MAX_EXT_HDRS; i++) {
		if (!is_ext(c->proto))
			return 0;
		if (c->off > 512)
			return -1;
		opt = data + c->off;
		if ((void *)(opt + 1) > data_end)
			return -1;
		c->nr_ext++;
		if (c->proto == NEXTHDR_FRAGMENT) {
			frag = (void *)opt;
			if ((void *)(frag + 1) > data_end)
				return -1;
			c->proto = frag->nexthdr;
			c->off += sizeof(*frag);
			if (frag->frag_off & bpf_htons(0xfff8)) {
				c->nonfirst_frag = 1;
				return 0;
			}
			continue;
		}
		if (c->proto == NEXTHDR_ROUTING) {
			rh = (void *)opt;
			if ((void *)(rh + 4) > data_end)
				return -1;
			if (rh[2] == 0)
				c->rh0 = 1;
		}
		if (c->proto == NEXTHDR_AUTH)
			c->off += (opt->hdrlen + 2) * 4;
		else
			c->off += (opt->hdrlen + 1) * 8;
		c->proto = opt->nexthdr;
	}
	if (is_ext(c->proto))
		c->too_long = 1;
	return 0;
}

static __always_inline void track_flow(struct ipv6hdr *ip6, struct chain *c, __be16 sport,
				       __be16 dport, __u32 len)
{
	struct flow6 key = {};
	struct flow_stats *fs, init = { .packets = 1, .bytes = len, .first_len = len };

	__builtin_memcpy(key.saddr, &ip6->saddr, 16);
	__builtin_memcpy(key.daddr, &ip6->daddr, 16);
	key.sport = sport;
	key.dport = dport;
	key.proto = c->proto;
	key.nr_ext = c->nr_ext;
	fs = bpf_map_lookup_elem(&flows, &key);
	if (!fs) {
		init.last_len = len;
		bpf_map_update_elem(&flows, &key, &init, BPF_NOEXIST);
		return;
	}
	__sync_fetch_and_add(&fs->packets, 1);
	__sync_fetch_and_add(&fs->bytes, len);
	fs->last_len = len;
}

static __always_inline int l4(void *data, void *data_end, struct ipv6hdr *ip6, struct chain *c,
			      __u32 len)
{
	struct tcphdr *tcp;
	struct udphdr *udp;
	struct icmp6hdr *icmp;

	if (c->off > 512)
		return XDP_ABORTED;
	if (c->proto == IPPROTO_TCP) {
		tcp = data + c->off;
		if ((void *)(tcp + 1) > data_end)
			goto bad;
		track_flow(ip6, c, tcp->source, tcp->dest, len);
		if (tcp->dest == bpf_htons(22) && ip6->saddr.in6_u.u6_addr8[0] != 0xfe) {
			drops_ssh++;
			return XDP_DROP;
		}
		return XDP_PASS;
	}
	if (c->proto == IPPROTO_UDP) {
		udp = data + c->off;
		if ((void *)(udp + 1) > data_end)
			goto bad;
		track_flow(ip6, c, udp->source, udp->dest, len);
		return XDP_PASS;
	}
	if (c->proto == IPPROTO_ICMPV6) {
		icmp = data + c->off;
		if ((void *)(icmp + 1) > data_end)
			goto bad;
		track_flow(ip6, c, icmp->icmp6_type, icmp->icmp6_code, len);
		return icmp->icmp6_type == ICMPV6_ECHO_REQUEST ? XDP_TX : XDP_PASS;
	}
	return XDP_PASS;
bad:
	malformed++;
	return XDP_DROP;
}

SEC("xdp")
int fw6(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	__u32 len = data_end - data, depth;
	struct chain c = {};
	struct l2_info l2;
	struct ipv6hdr *ip6;
	__u32 *d;

	if (parse_l2(data, data_end, &l2) || l2.proto != ETH_P_IPV6)
		return XDP_PASS;
	if (l2.l3_off > 22)
		return XDP_ABORTED;
	ip6 = data + l2.l3_off;
	if ((void *)(ip6 + 1) > data_end || ip6->version != 6) {
		malformed++;
		return XDP_DROP;
	}
	c.off = l2.l3_off + sizeof(*ip6);
	c.proto = ip6->nexthdr;
	if (walk_chain(data, data_end, &c)) {
		malformed++;
		return XDP_DROP;
	}
	depth = c.nr_ext;
	d = bpf_map_lookup_elem(&ext_depth, &depth);
	if (d)
		*d += 1;
	count_nh(c.proto, len);
	if (c.rh0) {
		drops_rh0++;
		return XDP_DROP;
	}
	if (c.too_long) {
		drops_chain++;
		return XDP_DROP;
	}
	if (c.nonfirst_frag)
		return XDP_PASS;
	return l4(data, data_end, ip6, &c, len);
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
