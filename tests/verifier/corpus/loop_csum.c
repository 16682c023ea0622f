// SPDX-License-Identifier: BSD-2-Clause
/*
 * loop_csum.c - a bpf_loop over the UDP payload: the callback adds one 16-bit word per
 * iteration to a one's complement sum kept in a context on the caller's stack (a word index
 * masked to 0..255, checked against data_end each time), and frames whose payload sum matches
 * a watched value from .rodata are counted and dropped.
 */
#include "corpus.h"

#define MAX_WORDS 256

struct sum_ctx {
	void *payload;
	void *data_end;
	__u64 sum;
};

const volatile __u16 watched_sum = 0xbeef;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} matched SEC(".maps");

static long add_word(__u32 i, void *arg)
{
	struct sum_ctx *c = arg;
	__u16 *w = c->payload + (i & (MAX_WORDS - 1)) * 2;

	if ((void *)(w + 1) > c->data_end)
		return 1;
	c->sum += *w;
	return 0;
}

SEC("xdp")
int xdp_loop_csum(struct xdp_md *ctx)
{
	struct cursor cur = { (void *)(long)ctx->data, (void *)(long)ctx->data_end };
	struct sum_ctx c = {};
	struct ethhdr *eth;
	struct iphdr *iph;
	struct udphdr *uh;
	__u32 key = 0;
	__u64 *n;

	if (parse_eth(&cur, &eth) != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	iph = cur.pos;
	if ((void *)(iph + 1) > cur.end || iph->protocol != IPPROTO_UDP || iph->ihl != 5)
		return XDP_PASS;
	uh = (void *)(iph + 1);
	if ((void *)(uh + 1) > cur.end)
		return XDP_PASS;
	c.payload = uh + 1;
	c.data_end = cur.end;
	bpf_loop(MAX_WORDS, add_word, &c, 0);
	if (csum_fold(c.sum) != watched_sum)
		return XDP_PASS;
	n = bpf_map_lookup_elem(&matched, &key);
	if (n)
		__sync_fetch_and_add(n, 1);
	return XDP_DROP;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
