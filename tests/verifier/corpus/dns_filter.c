// SPDX-License-Identifier: BSD-2-Clause
/*
 * dns_filter.c - a DNS query filter: UDP queries to port 53 (IPv4 or IPv6) have their question
 * name parsed label by label in a bounded loop (length bytes and characters read one at a time
 * behind a range check, letters lowercased, labels joined with dots into a zeroed key on the
 * stack, compression pointers and over-long names refused) and looked up in a hash of blocked
 * names; blocked queries drop, per question-type counters in a per-CPU array.
 */
#include "corpus.h"

#define DNS_PORT 53
#define MAX_NAME 64
#define DNS_QR 0x80 /* in flags[0]: a response */

struct dnshdr {
	__be16 id;
	__u8 flags[2];
	__be16 qdcount;
	__be16 ancount;
	__be16 nscount;
	__be16 arcount;
};

struct qname {
	char name[MAX_NAME];
};

enum { Q_A, Q_AAAA, Q_OTHER, Q_BLOCKED, Q_BAD, Q_MAX };

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, struct qname);
	__type(value, __u64); /* hits */
} blocked_names SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, Q_MAX);
	__type(key, __u32);
	__type(value, __u64);
} qstats SEC(".maps");

static __always_inline int count(__u32 what, int action)
{
	__u64 *v = bpf_map_lookup_elem(&qstats, &what);

	if (v)
		*v += 1;
	return action;
}

/*
 * The question name at p as "www.example.com" in q; returns the byte after the name's final
 * zero label, or NULL for a name that is compressed, too long or cut short.
 */
static __always_inline __u8 *parse_qname(__u8 *p, void *end, struct qname *q)
{
	int i, left = 0;

#pragma clang loop unroll(disable)
	for (i = 0; i < MAX_NAME; i++) {
		__u8 ch;

		if ((void *)(p + 1) > end)
			return NULL;
		ch = *p++;
		if (left) {
			if (ch >= 'A' && ch <= 'Z')
				ch += 'a' - 'A';
			q->name[i] = ch;
			left--;
			continue;
		}
		if (!ch)
			return p;
		if (ch > 63)
			return NULL; /* a compression pointer, or a bad label */
		if (i)
			q->name[i] = '.';
		else
			i--; /* no dot before the first label */
		left = ch;
	}
	return NULL;
}

static __always_inline void *udp_payload(struct cursor *c, int etype, __u16 *dport)
{
	struct udphdr *uh;

	if (etype == bpf_htons(ETH_P_IP)) {
		struct iphdr *iph = c->pos;

		if ((void *)(iph + 1) > c->end || iph->protocol != IPPROTO_UDP || iph->ihl < 5)
			return NULL;
		uh = (void *)iph + iph->ihl * 4;
	} else if (etype == bpf_htons(ETH_P_IPV6)) {
		struct ipv6hdr *ip6h = c->pos;

		if ((void *)(ip6h + 1) > c->end || ip6h->nexthdr != IPPROTO_UDP)
			return NULL;
		uh = (void *)(ip6h + 1);
	} else {
		return NULL;
	}
	if ((void *)(uh + 1) > c->end)
		return NULL;
	*dport = bpf_ntohs(uh->dest);
	return uh + 1;
}

SEC("xdp")
int xdp_dns_filter(struct xdp_md *ctx)
{
	struct cursor c = { (void *)(long)ctx->data, (void *)(long)ctx->data_end };
	struct qname q;
	struct ethhdr *eth;
	struct dnshdr *dns;
	__u16 dport = 0, qtype;
	__u64 *hits;
	__u8 *p;
	int etype;

	etype = parse_eth(&c, &eth);
	if (etype < 0)
		return XDP_PASS;
	dns = udp_payload(&c, etype, &dport);
	if (!dns || dport != DNS_PORT)
		return XDP_PASS;
	if ((void *)(dns + 1) > c.end)
		return count(Q_BAD, XDP_DROP);
	if ((dns->flags[0] & DNS_QR) || dns->qdcount != bpf_htons(1))
		return XDP_PASS;
	__builtin_memset(&q, 0, sizeof(q));
	p = parse_qname((__u8 *)(dns + 1), c.end, &q);
	if (!p || (void *)(p + 4) > c.end)
		return count(Q_BAD, XDP_DROP);
	hits = bpf_map_lookup_elem(&blocked_names, &q);
	if (hits) {
		__sync_fetch_and_add(hits, 1);
		return count(Q_BLOCKED, XDP_DROP);
	}
	qtype = (__u16)p[0] << 8 | p[1];
	return count(qtype == 1 ? Q_A : qtype == 28 ? Q_AAAA : Q_OTHER, XDP_PASS);
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
