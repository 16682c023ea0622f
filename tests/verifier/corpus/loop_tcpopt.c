// SPDX-License-Identifier: BSD-2-Clause
/*
 * loop_tcpopt.c - find the MSS option of TCP SYNs with bpf_loop: the callback walks one option
 * per iteration through a context on the caller's stack holding packet pointers, and stops at
 * the end of the options or at MSS. SYNs advertising an MSS above the configured clamp are
 * counted and dropped (a stand-in for clamping).
 */
#include "corpus.h"

#define MAX_OPTS 10

struct opt_walk {
	void *pos;
	void *end;	/* end of the TCP options */
	void *data_end;
	__u32 mss;
};

const volatile __u32 mss_clamp = 1400;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} clamped SEC(".maps");

static long walk_one(__u32 i, void *arg)
{
	struct opt_walk *w = arg;
	__u8 *p = w->pos;
	__u8 kind, len;

	if ((void *)(p + 1) > w->data_end || (void *)p >= w->end)
		return 1;
	kind = p[0];
	if (kind == 0)
		return 1;
	if (kind == 1) {
		w->pos = p + 1;
		return 0;
	}
	if ((void *)(p + 4) > w->data_end)
		return 1;
	len = p[1];
	if (len < 2)
		return 1;
	if (kind == 2 && len == 4) {
		w->mss = (__u32)p[2] << 8 | p[3];
		return 1;
	}
	w->pos = p + len;
	return 0;
}

SEC("xdp")
int xdp_loop_tcpopt(struct xdp_md *ctx)
{
	struct cursor c = { (void *)(long)ctx->data, (void *)(long)ctx->data_end };
	struct opt_walk w = {};
	struct ethhdr *eth;
	struct iphdr *iph;
	struct tcphdr *th;
	__u32 key = 0;
	__u64 *cnt;

	if (parse_eth(&c, &eth) != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	iph = c.pos;
	if ((void *)(iph + 1) > c.end || iph->protocol != IPPROTO_TCP || iph->ihl != 5)
		return XDP_PASS;
	th = (void *)(iph + 1);
	if ((void *)(th + 1) > c.end || !th->syn)
		return XDP_PASS;
	w.pos = th + 1;
	w.end = (void *)th + th->doff * 4;
	w.data_end = c.end;
	bpf_loop(MAX_OPTS, walk_one, &w, 0);
	if (w.mss <= mss_clamp)
		return XDP_PASS;
	cnt = bpf_map_lookup_elem(&clamped, &key);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	return XDP_DROP;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
