// SPDX-License-Identifier: BSD-2-Clause
/*
 * syn_limit.c - a SYN flood limiter without SYN cookies: TCP SYNs (IPv4 and IPv6) are counted
 * per source address in an LRU hash over fixed one-second windows from bpf_ktime_get_ns; a
 * source that sends more than the limit from .rodata in a window is put on a block list (a
 * second LRU hash holding the time the block ends) and its SYNs drop until then. Other traffic
 * passes. Per-CPU counters of SYNs seen, passed, dropped and blocks made.
 */
#include "corpus.h"

#define NSEC 1000000000ull

/* An IPv4 source is kept as an IPv4-mapped IPv6 address: one key type for both families. */
struct src_key {
	__u32 addr[4];
};

struct window {
	__u64 start_ns;
	__u32 syns;
	__u32 over; /* windows in a row over the limit */
};

enum { C_SYN, C_PASS, C_DROP, C_BLOCKED, C_MAX };

const volatile __u32 syn_limit = 200;
const volatile __u64 block_ns = 10 * NSEC;

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 65536);
	__type(key, struct src_key);
	__type(value, struct window);
} windows SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 8192);
	__type(key, struct src_key);
	__type(value, __u64);
} blocked SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, C_MAX);
	__type(key, __u32);
	__type(value, __u64);
} counters SEC(".maps");

static __always_inline void count(__u32 what)
{
	__u64 *v = bpf_map_lookup_elem(&counters, &what);

	if (v)
		*v += 1;
}

/* The TCP header after an IPv4 or IPv6 header, with the source address in *key; NULL if none. */
static __always_inline struct tcphdr *tcp_of(struct cursor *c, int etype, struct src_key *key)
{
	if (etype == bpf_htons(ETH_P_IP)) {
		struct iphdr *iph = c->pos;

		if ((void *)(iph + 1) > c->end || iph->protocol != IPPROTO_TCP || iph->ihl < 5)
			return NULL;
		if (iph->frag_off & bpf_htons(0x1fff))
			return NULL;
		key->addr[0] = 0;
		key->addr[1] = 0;
		key->addr[2] = bpf_htonl(0xffff);
		key->addr[3] = iph->saddr;
		c->pos = (void *)iph + iph->ihl * 4;
	} else if (etype == bpf_htons(ETH_P_IPV6)) {
		struct ipv6hdr *ip6h = c->pos;

		if ((void *)(ip6h + 1) > c->end || ip6h->nexthdr != IPPROTO_TCP)
			return NULL;
		__builtin_memcpy(key->addr, &ip6h->saddr, sizeof(key->addr));
		c->pos = ip6h + 1;
	} else {
		return NULL;
	}
	if (c->pos + sizeof(struct tcphdr) > c->end)
		return NULL;
	return c->pos;
}

static __always_inline int syn_verdict(struct src_key *key, __u64 now)
{
	struct window *w, fresh = { .start_ns = now, .syns = 1 };
	__u64 *until = bpf_map_lookup_elem(&blocked, key), end;

	if (until) {
		if (now < *until)
			return XDP_DROP;
		bpf_map_delete_elem(&blocked, key);
	}
	w = bpf_map_lookup_elem(&windows, key);
	if (!w) {
		bpf_map_update_elem(&windows, key, &fresh, BPF_ANY);
		return XDP_PASS;
	}
	if (now - w->start_ns >= NSEC) {
		w->over = w->syns > syn_limit ? w->over + 1 : 0;
		w->start_ns = now;
		w->syns = 0;
	}
	if (++w->syns <= syn_limit)
		return XDP_PASS;
	if (w->syns == syn_limit + 1) {
		/* longer blocks for sources over the limit window after window */
		end = now + block_ns * (w->over < 4 ? w->over + 1 : 4);
		bpf_map_update_elem(&blocked, key, &end, BPF_ANY);
		count(C_BLOCKED);
	}
	return XDP_DROP;
}

SEC("xdp")
int xdp_syn_limit(struct xdp_md *ctx)
{
	struct cursor c = { (void *)(long)ctx->data, (void *)(long)ctx->data_end };
	struct src_key key;
	struct ethhdr *eth;
	struct tcphdr *th;
	int etype, action;

	etype = parse_eth(&c, &eth);
	if (etype < 0)
		return XDP_DROP;
	th = tcp_of(&c, etype, &key);
	if (!th || !th->syn || th->ack)
		return XDP_PASS;
	count(C_SYN);
	action = syn_verdict(&key, bpf_ktime_get_ns());
	count(action == XDP_PASS ? C_PASS : C_DROP);
	return action;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
