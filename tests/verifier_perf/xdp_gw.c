// SPDX-License-Identifier: BSD-2-Clause
/*
 * xdp_gw.c - the verifier's "realistic large program" (about 4,000 instructions after
 * relocation): a multi-protocol edge gateway. VLAN/QinQ, ARP (spoof guard against a binding
 * table), IPv4 with options and IPv6 with its extension-header chain, then TCP (flags sanity,
 * connection tracking in an LRU hash, SYN rate limiting with a token bucket), UDP (DNS query
 * inspection with a bounded label walk, a port ACL), ICMP/ICMPv6 (type filter), GRE (inner
 * header peek). Source ACLs in LPM tries, counters in a per-CPU array, subprograms for the
 * shared work. bench/verify_time times the verifier on it; the verifier_perf test checks it
 * is accepted.
 */
#include "xdp_common.h"

#define MAX_V4_OPTS 8
#define MAX_V6_EXT 6
#define MAX_DNS_LABELS 8
#define NEXTHDR_HOP 0
#define NEXTHDR_ROUTING 43
#define NEXTHDR_FRAGMENT 44
#define NEXTHDR_DEST 60
#define IPPROTO_GRE_ 47

enum {
	S_PKTS, S_ARP, S_ARP_SPOOF, S_V4, S_V6, S_TCP, S_UDP, S_ICMP, S_GRE, S_DNS, S_BAD,
	S_ACL_DROP, S_RATE_DROP, S_CT_NEW, S_CT_HIT, S_FLAGS_BAD, S_PORT_DROP, S_DNS_BAD,
	S_OPT, S_EXT, S_FRAG, S_MSS, S_NAT, S_VXLAN, S_INNER, S_ECHO, S_ICMP_ERR, S_MAX
};

struct lpm4 {
	__u32 prefixlen;
	__u8 addr[4];
};

struct lpm6 {
	__u32 prefixlen;
	__u8 addr[16];
};

struct ct_key {
	__u8 saddr[16];
	__u8 daddr[16];
	__be16 sport, dport;
	__u8 proto, v6;
	__u16 vlan;
};

struct ct_val {
	__u64 packets;
	__u64 bytes;
	__u32 state;
	__u32 flags_seen;
};

struct bucket {
	__u64 tokens;
	__u64 last_ns;
};

struct arp_bind {
	__u8 mac[6];
	__u16 pad;
};

struct port_key {
	__u8 proto;
	__u8 dir;
	__be16 port;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, S_MAX);
	__type(key, __u32);
	__type(value, __u64);
} stats SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__uint(max_entries, 64);
	__type(key, struct lpm4);
	__type(value, __u32);
} acl4 SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__uint(max_entries, 64);
	__type(key, struct lpm6);
	__type(value, __u32);
} acl6 SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 1024);
	__type(key, struct ct_key);
	__type(value, struct ct_val);
} conntrack SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, struct bucket);
} syn_rate SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, struct arp_bind);
} arp_table SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, struct port_key);
	__type(value, __u32);
} ports SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, __u32);
} dns_block SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} samples SEC(".maps");

#define SAMPLE_BYTES 48

struct sample {
	__u32 len;
	__u8 proto, v6;
	__u16 sport, dport;
	__u8 head[SAMPLE_BYTES];
};

const volatile __u64 cfg_syn_rate = 100;
const volatile __u32 cfg_allow_frags = 1;
const volatile __u32 cfg_sample_drops = 1;
const volatile __u32 cfg_default = XDP_PASS;
const volatile __u16 cfg_mss = 1400;
const volatile __u32 cfg_nat_addr = 0;
const volatile __u32 cfg_gw_addr4 = 0x0100000a; /* 10.0.0.1 */
const volatile __u8 cfg_gw_addr6_last = 1;       /* fe80::N */

struct pkt {
	__u16 l3_off, l4_off;
	__u16 vlan;
	__u8 proto, v6;
	__u8 nr_opts, nr_ext, frag;
	__u8 saddr[16], daddr[16];
	__u16 sport, dport;
	__u32 len;
};

static __attribute__((noinline)) int bump(__u32 what)
{
	__u64 *v = bpf_map_lookup_elem(&stats, &what);

	if (!v)
		return 0;
	*v += 1;
	return 1;
}

static __attribute__((noinline)) int drop(__u32 why)
{
	bump(why);
	return XDP_DROP;
}

/* Token bucket per key: 1 when the packet may go, 0 when over the rate. */
static __attribute__((noinline)) int rate_ok(__u32 key)
{
	struct bucket *b = bpf_map_lookup_elem(&syn_rate, &key), init;
	__u64 now = bpf_ktime_get_ns(), add;

	if (!b) {
		init.tokens = cfg_syn_rate;
		init.last_ns = now;
		bpf_map_update_elem(&syn_rate, &key, &init, BPF_ANY);
		return 1;
	}
	add = (now - b->last_ns) / 1000000 * cfg_syn_rate / 1000;
	if (add) {
		b->tokens += add;
		if (b->tokens > cfg_syn_rate)
			b->tokens = cfg_syn_rate;
		b->last_ns = now;
	}
	if (!b->tokens)
		return 0;
	b->tokens--;
	return 1;
}

/* 1 when the ACL of the source denies it. */
static __attribute__((noinline)) int acl_denies(struct pkt *p)
{
	__u32 *act;

	if (p->v6) {
		struct lpm6 k6 = { .prefixlen = 128 };

		__builtin_memcpy(k6.addr, p->saddr, 16);
		act = bpf_map_lookup_elem(&acl6, &k6);
	} else {
		struct lpm4 k4 = { .prefixlen = 32 };

		__builtin_memcpy(k4.addr, p->saddr, 4);
		act = bpf_map_lookup_elem(&acl4, &k4);
	}
	return act && *act == XDP_DROP;
}

static __attribute__((noinline)) int port_denies(__u8 proto, __u16 port, __u8 dir)
{
	struct port_key k = { .proto = proto, .dir = dir, .port = bpf_htons(port) };
	__u32 *v = bpf_map_lookup_elem(&ports, &k);

	return v && *v == XDP_DROP;
}

static __attribute__((noinline)) int ct_update(struct pkt *p, __u32 tcp_flags)
{
	struct ct_key k = {};
	struct ct_val *v, init = {};

	__builtin_memcpy(k.saddr, p->saddr, 16);
	__builtin_memcpy(k.daddr, p->daddr, 16);
	k.sport = p->sport;
	k.dport = p->dport;
	k.proto = p->proto;
	k.v6 = p->v6;
	k.vlan = p->vlan;
	v = bpf_map_lookup_elem(&conntrack, &k);
	if (v) {
		v->packets++;
		v->bytes += p->len;
		v->flags_seen |= tcp_flags;
		if (tcp_flags & 0x01)
			v->state = 3;
		else if ((tcp_flags & 0x12) == 0x12)
			v->state = 2;
		bump(S_CT_HIT);
		return 0;
	}
	if (p->proto == IPPROTO_TCP && !(tcp_flags & 0x02))
		return -1; /* mid-stream without a SYN */
	init.packets = 1;
	init.bytes = p->len;
	init.state = 1;
	init.flags_seen = tcp_flags;
	bpf_map_update_elem(&conntrack, &k, &init, BPF_NOEXIST);
	bump(S_CT_NEW);
	return 1;
}

static __always_inline int parse_arp(void *data, void *data_end, __u16 off)
{
	struct arp_bind *bind;
	__u8 *a = data + off;
	__u32 spa;
	int i;

	bump(S_ARP);
	if ((void *)(a + 28) > data_end)
		return drop(S_BAD);
	if (a[0] != 0 || a[1] != 1 || a[2] != 0x08 || a[3] != 0 || a[4] != 6 || a[5] != 4)
		return drop(S_BAD);
	spa = (__u32)a[14] << 24 | (__u32)a[15] << 16 | (__u32)a[16] << 8 | a[17];
	bind = bpf_map_lookup_elem(&arp_table, &spa);
	if (!bind)
		return XDP_PASS;
#pragma unroll
	for (i = 0; i < 6; i++)
		if (bind->mac[i] != a[8 + i])
			return drop(S_ARP_SPOOF);
	return XDP_PASS;
}

static __always_inline int parse_v4(void *data, void *data_end, struct pkt *p)
{
	struct iphdr *ip = data + p->l3_off;
	__u8 *opt;
	__u16 ihl, off;
	int i;

	if ((void *)(ip + 1) > data_end)
		return -1;
	if (ip->version != 4 || ip->ihl < 5)
		return -1;
	ihl = ip->ihl * 4;
	p->proto = ip->protocol;
	p->v6 = 0;
	__builtin_memcpy(p->saddr, &ip->saddr, 4);
	__builtin_memcpy(p->daddr, &ip->daddr, 4);
	p->len = bpf_ntohs(ip->tot_len);
	if (ip->frag_off & bpf_htons(0x1fff | 0x2000))
		p->frag = 1;
	off = sizeof(*ip);
	for (i = 0; i < MAX_V4_OPTS && off < ihl; i++) {
		opt = (void *)ip + off;
		if ((void *)(opt + 2) > data_end)
			return -1;
		if (opt[0] == 0)
			break;
		if (opt[0] == 1) {
			off++;
			continue;
		}
		if (opt[1] < 2)
			return -1;
		if (opt[0] == 0x83 || opt[0] == 0x89) /* source routes */
			return -2;
		p->nr_opts++;
		off += opt[1];
	}
	p->l4_off = p->l3_off + ihl;
	if (p->nr_opts)
		bump(S_OPT);
	return 0;
}

static __always_inline int parse_v6(void *data, void *data_end, struct pkt *p)
{
	struct ipv6hdr *ip6 = data + p->l3_off;
	struct ipv6_opt_hdr *eh;
	__u16 off;
	__u8 nh;
	int i;

	if ((void *)(ip6 + 1) > data_end)
		return -1;
	if (ip6->version != 6)
		return -1;
	p->v6 = 1;
	__builtin_memcpy(p->saddr, &ip6->saddr, 16);
	__builtin_memcpy(p->daddr, &ip6->daddr, 16);
	p->len = bpf_ntohs(ip6->payload_len) + sizeof(*ip6);
	nh = ip6->nexthdr;
	off = p->l3_off + sizeof(*ip6);
	for (i = 0; i < MAX_V6_EXT; i++) {
		if (nh != NEXTHDR_HOP && nh != NEXTHDR_ROUTING && nh != NEXTHDR_FRAGMENT &&
		    nh != NEXTHDR_DEST)
			break;
		if (off > 256)
			return -1;
		eh = data + off;
		if ((void *)(eh + 1) > data_end)
			return -1;
		p->nr_ext++;
		if (nh == NEXTHDR_FRAGMENT) {
			p->frag = 1;
			off += 8;
		} else {
			off += (eh->hdrlen + 1) * 8;
		}
		nh = eh->nexthdr;
	}
	p->proto = nh;
	p->l4_off = off;
	if (p->nr_ext)
		bump(S_EXT);
	return 0;
}

static __always_inline int tcp_flags_bad(__u8 f)
{
	if ((f & 0x03) == 0x03) /* SYN+FIN */
		return 1;
	if ((f & 0x06) == 0x06) /* SYN+RST */
		return 1;
	if (!(f & 0x3f)) /* null scan */
		return 1;
	if ((f & 0x29) == 0x29) /* xmas */
		return 1;
	return 0;
}

#define MAX_TCP_OPTS 10

/* Clamp the MSS option of a SYN to cfg_mss, fixing the checksum incrementally. */
static __always_inline void tcp_mss_clamp(void *data_end, struct tcphdr *th)
{
	__u8 *opt = (__u8 *)(th + 1);
	__u32 pos = 0, olen = th->doff * 4 - sizeof(*th);
	__u16 old, new;
	__u32 sum;
	int i;

	for (i = 0; i < MAX_TCP_OPTS; i++) {
		__u8 *o;

		if (pos >= olen || pos > 40)
			return;
		o = opt + pos;
		if ((void *)(o + 1) > data_end)
			return;
		if (o[0] == 0)
			return;
		if (o[0] == 1) {
			pos++;
			continue;
		}
		if ((void *)(o + 2) > data_end)
			return;
		if (o[1] < 2)
			return;
		if (o[0] == 2 && o[1] == 4) {
			if ((void *)(o + 4) > data_end)
				return;
			old = (__u16)o[2] << 8 | o[3];
			if (old <= cfg_mss)
				return;
			new = cfg_mss;
			o[2] = new >> 8;
			o[3] = new & 0xff;
			sum = (__u16)~bpf_ntohs(th->check) + (__u16)~old + new;
			th->check = bpf_htons(csum_fold32(sum));
			bump(S_MSS);
			return;
		}
		pos += o[1];
	}
}

static __always_inline int do_tcp(void *data, void *data_end, struct pkt *p)
{
	struct tcphdr *th = data + (p->l4_off & 0x1ff);
	__u8 flags;
	__u32 key;

	if ((void *)(th + 1) > data_end)
		return drop(S_BAD);
	bump(S_TCP);
	p->sport = th->source;
	p->dport = th->dest;
	flags = ((__u8 *)th)[13];
	if (tcp_flags_bad(flags))
		return drop(S_FLAGS_BAD);
	if (th->doff < 5)
		return drop(S_BAD);
	if (port_denies(IPPROTO_TCP, bpf_ntohs(th->dest), 0) ||
	    port_denies(IPPROTO_TCP, bpf_ntohs(th->source), 1))
		return drop(S_PORT_DROP);
	if ((flags & 0x12) == 0x02) {
		key = p->saddr[0] | p->saddr[1] << 8 | p->saddr[2] << 16 | p->saddr[3] << 24;
		if (!rate_ok(key))
			return drop(S_RATE_DROP);
	}
	if ((flags & 0x02) && th->doff > 5)
		tcp_mss_clamp(data_end, th);
	if (ct_update(p, flags) < 0)
		return drop(S_BAD);
	return cfg_default;
}

/* A DNS query: every label of the first name inside the frame, none longer than 63. */
static __always_inline int do_dns(void *data, void *data_end, __u16 off)
{
	__u8 *q = data + (off & 0x1ff), *lab;
	__u32 key = 0, *blocked;
	__u16 pos = 12, len;
	int i;

	if ((void *)(q + 12) > data_end)
		return -1;
	bump(S_DNS);
	if (q[2] & 0x80) /* a response */
		return 0;
	for (i = 0; i < MAX_DNS_LABELS; i++) {
		if (pos > 255)
			return -1;
		lab = q + pos;
		if ((void *)(lab + 1) > data_end)
			return -1;
		len = *lab;
		if (!len)
			break;
		if (len > 63)
			return -1;
		key = key * 31 + len;
		pos += len + 1;
	}
	key &= 7;
	blocked = bpf_map_lookup_elem(&dns_block, &key);
	if (blocked && *blocked)
		return -1;
	return 0;
}

static __always_inline int parse_v4(void *data, void *data_end, struct pkt *p);
static __always_inline int parse_v6(void *data, void *data_end, struct pkt *p);

/* VXLAN (UDP 4789): the inner frame must be IPv4 or IPv6 that parses, and pass the ACL. */
static __always_inline int do_vxlan(void *data, void *data_end, __u16 off)
{
	struct pkt in = {};
	struct ethhdr *eth;
	__u8 *vx = data + (off & 0x1ff);
	int rc;

	if ((void *)(vx + 8) > data_end)
		return -1;
	bump(S_VXLAN);
	if (!(vx[0] & 0x08))
		return -1;
	eth = (void *)(vx + 8);
	if ((void *)(eth + 1) > data_end)
		return -1;
	in.l3_off = (off & 0x1ff) + 8 + sizeof(*eth);
	if (eth->h_proto == bpf_htons(ETH_P_IP))
		rc = parse_v4(data, data_end, &in);
	else if (eth->h_proto == bpf_htons(ETH_P_IPV6))
		rc = parse_v6(data, data_end, &in);
	else
		return 0;
	if (rc)
		return -1;
	bump(S_INNER);
	return acl_denies(&in) ? -1 : 0;
}

static __always_inline int do_udp(void *data, void *data_end, struct pkt *p)
{
	struct udphdr *uh = data + (p->l4_off & 0x1ff);

	if ((void *)(uh + 1) > data_end)
		return drop(S_BAD);
	bump(S_UDP);
	p->sport = uh->source;
	p->dport = uh->dest;
	if (bpf_ntohs(uh->len) < sizeof(*uh))
		return drop(S_BAD);
	if (port_denies(IPPROTO_UDP, bpf_ntohs(uh->dest), 0))
		return drop(S_PORT_DROP);
	if (uh->dest == bpf_htons(53) &&
	    do_dns(data, data_end, (p->l4_off & 0x1ff) + sizeof(*uh)) < 0)
		return drop(S_DNS_BAD);
	if (uh->dest == bpf_htons(4789) &&
	    do_vxlan(data, data_end, (p->l4_off & 0x1ff) + sizeof(*uh)) < 0)
		return drop(S_BAD);
	ct_update(p, 0);
	return cfg_default;
}

/* Turn an echo request to the gateway into the reply, in place: swap MACs and addresses. */
static __always_inline int echo_reply(void *data, void *data_end, struct pkt *p, __u8 *ic)
{
	struct ethhdr *eth = data;
	__u8 tmp;
	__u32 sum;
	int i;

	if ((void *)(eth + 1) > data_end || (void *)(ic + 8) > data_end)
		return -1;
#pragma unroll
	for (i = 0; i < 6; i++) {
		tmp = eth->h_dest[i];
		eth->h_dest[i] = eth->h_source[i];
		eth->h_source[i] = tmp;
	}
	if (p->v6) {
		struct ipv6hdr *ip6 = data + (p->l3_off & 0xff);

		if ((void *)(ip6 + 1) > data_end)
			return -1;
		if (ip6->daddr.s6_addr[0] != 0xfe || ip6->daddr.s6_addr[15] != cfg_gw_addr6_last)
			return 0;
#pragma unroll
		for (i = 0; i < 16; i++) {
			tmp = ip6->saddr.s6_addr[i];
			ip6->saddr.s6_addr[i] = ip6->daddr.s6_addr[i];
			ip6->daddr.s6_addr[i] = tmp;
		}
		ip6->hop_limit = 64;
		ic[0] = 129;
		sum = (__u16)~bpf_ntohs(*(__u16 *)(ic + 2)) + (__u16)~(128 << 8) + (129 << 8);
	} else {
		struct iphdr *ip = data + (p->l3_off & 0xff);
		__u32 a;

		if ((void *)(ip + 1) > data_end)
			return -1;
		if (ip->daddr != cfg_gw_addr4)
			return 0;
		a = ip->saddr;
		ip->saddr = ip->daddr;
		ip->daddr = a;
		ip->ttl = 64;
		ip->check = 0;
		sum = 0;
#pragma unroll
		for (i = 0; i < 10; i++)
			sum += ((__u16 *)ip)[i];
		ip->check = csum_fold32(sum);
		ic[0] = 0;
		sum = (__u16)~bpf_ntohs(*(__u16 *)(ic + 2)) + (__u16)~(8 << 8);
	}
	*(__u16 *)(ic + 2) = bpf_htons(csum_fold32(sum));
	bump(S_ECHO);
	return 1;
}

/* An ICMP error must quote an IP header of the same family with our address as source. */
static __always_inline int icmp_err_ok(void *data, void *data_end, struct pkt *p, __u8 *ic)
{
	bump(S_ICMP_ERR);
	if (p->v6) {
		struct ipv6hdr *in6 = (void *)(ic + 8);
		int i;

		if ((void *)(in6 + 1) > data_end)
			return 0;
		if (in6->version != 6)
			return 0;
#pragma unroll
		for (i = 0; i < 16; i++)
			if (in6->saddr.s6_addr[i] != p->daddr[i])
				return 0;
		return 1;
	}
	{
		struct iphdr *in = (void *)(ic + 8);

		if ((void *)(in + 1) > data_end)
			return 0;
		if (in->version != 4 || in->ihl < 5)
			return 0;
		if (__builtin_memcmp(&in->saddr, p->daddr, 4))
			return 0;
		if (in->protocol == IPPROTO_TCP || in->protocol == IPPROTO_UDP) {
			__be16 *ports = (void *)in + in->ihl * 4;

			if ((void *)(ports + 2) > data_end)
				return 0;
			return ports[0] != 0 && ports[1] != 0;
		}
		return 1;
	}
}

static __always_inline int do_icmp(void *data, void *data_end, struct pkt *p)
{
	__u8 *ic = data + (p->l4_off & 0x1ff);

	if ((void *)(ic + 4) > data_end)
		return drop(S_BAD);
	bump(S_ICMP);
	if (p->v6) {
		if (ic[0] == 128)
			return echo_reply(data, data_end, p, ic) > 0 ? XDP_TX : cfg_default;
		if (ic[0] == 1 || ic[0] == 3)
			return icmp_err_ok(data, data_end, p, ic) ? cfg_default : drop(S_ICMP_ERR);
		if (ic[0] == 129 || (ic[0] >= 133 && ic[0] <= 137) || ic[0] < 5)
			return cfg_default;
		return drop(S_ICMP);
	}
	switch (ic[0]) {
	case 8:
		return echo_reply(data, data_end, p, ic) > 0 ? XDP_TX : cfg_default;
	case 3: case 11: case 12:
		return icmp_err_ok(data, data_end, p, ic) ? cfg_default : drop(S_ICMP_ERR);
	case 0:
		return cfg_default;
	}
	return drop(S_ICMP);
}

static __always_inline int do_gre(void *data, void *data_end, struct pkt *p)
{
	__u8 *g = data + (p->l4_off & 0x1ff);
	__u16 off = 4, proto;
	struct iphdr *in;

	if ((void *)(g + 4) > data_end)
		return drop(S_BAD);
	bump(S_GRE);
	if (g[0] & 0x80)
		off += 4;
	if (g[0] & 0x20)
		off += 4;
	if (g[0] & 0x10)
		off += 4;
	proto = g[2] << 8 | g[3];
	if (proto != ETH_P_IP)
		return cfg_default;
	in = (void *)(g + off);
	if ((void *)(in + 1) > data_end)
		return drop(S_BAD);
	if (in->version != 4)
		return drop(S_BAD);
	if (in->protocol == IPPROTO_GRE_) /* nested tunnels are refused */
		return drop(S_GRE);
	return cfg_default;
}

/* Source NAT for IPv4: rewrite the address, fix the IP and L4 checksums. */
static __always_inline void nat4(void *data, void *data_end, struct pkt *p)
{
	struct iphdr *ip = data + (p->l3_off & 0xff);
	__u32 old, sum;
	__u16 *l4c = 0;

	if (!cfg_nat_addr || p->v6)
		return;
	if ((void *)(ip + 1) > data_end)
		return;
	old = ip->saddr;
	ip->saddr = cfg_nat_addr;
	sum = (__u16)~ip->check + (__u16)~(old & 0xffff) + (__u16)~(old >> 16) +
	      (cfg_nat_addr & 0xffff) + (cfg_nat_addr >> 16);
	ip->check = csum_fold32(sum);
	if (p->proto == IPPROTO_TCP) {
		struct tcphdr *th = data + (p->l4_off & 0x1ff);

		if ((void *)(th + 1) > data_end)
			return;
		l4c = &th->check;
	} else if (p->proto == IPPROTO_UDP) {
		struct udphdr *uh = data + (p->l4_off & 0x1ff);

		if ((void *)(uh + 1) > data_end)
			return;
		if (!uh->check)
			return;
		l4c = &uh->check;
	}
	if (!l4c)
		return;
	sum = (__u16)~*l4c + (__u16)~(old & 0xffff) + (__u16)~(old >> 16) +
	      (cfg_nat_addr & 0xffff) + (cfg_nat_addr >> 16);
	*l4c = csum_fold32(sum);
	bump(S_NAT);
}

/* Copy the head of a dropped frame to the ring buffer for the control plane. */
static __always_inline void sample_drop(void *data, void *data_end, struct pkt *p)
{
	struct sample *s;
	__u8 *b = data;
	int i;

	if (!cfg_sample_drops)
		return;
	s = bpf_ringbuf_reserve(&samples, sizeof(*s), 0);
	if (!s)
		return;
	s->len = p->len;
	s->proto = p->proto;
	s->v6 = p->v6;
	s->sport = p->sport;
	s->dport = p->dport;
#pragma unroll
	for (i = 0; i < SAMPLE_BYTES; i++) {
		if ((void *)(b + i + 1) > data_end) {
			s->head[i] = 0;
			continue;
		}
		s->head[i] = b[i];
	}
	bpf_ringbuf_submit(s, 0);
}

static __always_inline int l4_verdict(void *data, void *data_end, struct pkt *p)
{
	int rc;

	if (p->frag && !cfg_allow_frags)
		return drop(S_FRAG);
	if (acl_denies(p))
		return drop(S_ACL_DROP);
	switch (p->proto) {
	case IPPROTO_TCP:
		rc = do_tcp(data, data_end, p);
		if (rc == XDP_PASS)
			nat4(data, data_end, p);
		return rc;
	case IPPROTO_UDP:
		rc = do_udp(data, data_end, p);
		if (rc == XDP_PASS)
			nat4(data, data_end, p);
		return rc;
	case IPPROTO_ICMP:
	case IPPROTO_ICMPV6:
		return do_icmp(data, data_end, p);
	case IPPROTO_GRE_:
		return do_gre(data, data_end, p);
	}
	return cfg_default;
}

static __always_inline int l4(void *data, void *data_end, struct pkt *p)
{
	int rc = l4_verdict(data, data_end, p);

	if (rc == XDP_DROP)
		sample_drop(data, data_end, p);
	return rc;
}

SEC("xdp")
int gw(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *data_end = (void *)(long)ctx->data_end;
	struct pkt p = {};
	struct l2_info l2;
	int rc;

	bump(S_PKTS);
	if (parse_l2(data, data_end, &l2))
		return drop(S_BAD);
	p.l3_off = l2.l3_off;
	p.vlan = l2.nr_vlans ? l2.vlan[0] : 0;
	switch (l2.proto) {
	case ETH_P_ARP:
		return parse_arp(data, data_end, l2.l3_off);
	case ETH_P_IP:
		bump(S_V4);
		rc = parse_v4(data, data_end, &p);
		if (rc == -2)
			return drop(S_OPT);
		if (rc)
			return drop(S_BAD);
		return l4(data, data_end, &p);
	case ETH_P_IPV6:
		bump(S_V6);
		rc = parse_v6(data, data_end, &p);
		if (rc)
			return drop(S_BAD);
		return l4(data, data_end, &p);
	}
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
