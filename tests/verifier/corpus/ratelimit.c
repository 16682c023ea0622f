// SPDX-License-Identifier: BSD-2-Clause
/*
 * ratelimit.c - a DDoS guard: a token bucket per IPv4 source in an LRU hash refilled from
 * bpf_ktime_get_ns, a global SYN budget per CPU in a per-CPU array, limits from .rodata, and
 * per-CPU counters of what was let through and what was dropped.
 */
#include "corpus.h"

#define NSEC 1000000000ull

struct bucket {
	__u64 last_ns;
	__u64 tokens;
};

struct syn_budget {
	__u64 window_start;
	__u64 count;
};

enum { S_PASS, S_DROP_RATE, S_DROP_SYN, S_MAX };

const volatile __u64 rate_pps = 1000;
const volatile __u64 burst = 100;
const volatile __u64 syn_per_sec = 5000;

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, struct bucket);
} buckets SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct syn_budget);
} syns SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, S_MAX);
	__type(key, __u32);
	__type(value, __u64);
} stats SEC(".maps");

static __always_inline int verdict(__u32 what, int action)
{
	__u64 *v = bpf_map_lookup_elem(&stats, &what);

	if (v)
		*v += 1;
	return action;
}

static __always_inline int take_token(__u32 saddr, __u64 now)
{
	struct bucket *b = bpf_map_lookup_elem(&buckets, &saddr), fresh;
	__u64 add;

	if (!b) {
		fresh.last_ns = now;
		fresh.tokens = burst - 1;
		bpf_map_update_elem(&buckets, &saddr, &fresh, BPF_ANY);
		return 1;
	}
	add = (now - b->last_ns) * rate_pps / NSEC;
	if (add) {
		b->tokens = b->tokens + add > burst ? burst : b->tokens + add;
		b->last_ns = now;
	}
	if (!b->tokens)
		return 0;
	b->tokens--;
	return 1;
}

static __always_inline int syn_allowed(__u64 now)
{
	__u32 key = 0;
	struct syn_budget *s = bpf_map_lookup_elem(&syns, &key);

	if (!s)
		return 1;
	if (now - s->window_start > NSEC) {
		s->window_start = now;
		s->count = 0;
	}
	return ++s->count <= syn_per_sec;
}

SEC("xdp")
int xdp_ratelimit(struct xdp_md *ctx)
{
	struct cursor c = { (void *)(long)ctx->data, (void *)(long)ctx->data_end };
	__u64 now = bpf_ktime_get_ns();
	struct ethhdr *eth;
	struct iphdr *iph;
	struct tcphdr *th;

	if (parse_eth(&c, &eth) != bpf_htons(ETH_P_IP))
		return verdict(S_PASS, XDP_PASS);
	iph = c.pos;
	if ((void *)(iph + 1) > c.end)
		return XDP_DROP;
	if (!take_token(iph->saddr, now))
		return verdict(S_DROP_RATE, XDP_DROP);
	if (iph->protocol == IPPROTO_TCP && iph->ihl == 5) {
		th = (void *)(iph + 1);
		if ((void *)(th + 1) > c.end)
			return XDP_DROP;
		if (th->syn && !th->ack && !syn_allowed(now))
			return verdict(S_DROP_SYN, XDP_DROP);
	}
	return verdict(S_PASS, XDP_PASS);
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
