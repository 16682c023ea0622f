// SPDX-License-Identifier: BSD-2-Clause
/*
 * ipv4_options.c - a real (not unrolled) bounded loop over IPv4 options, as kernels since 5.3
 * accept: each option's kind and length are read behind a range check, record-route and
 * timestamp options are counted, source-routing options (LSRR, SSRR) make the frame drop.
 */
#include "corpus.h"

#define MAX_OPT_WALK 8

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, __u64);
} opt_seen SEC(".maps");

SEC("xdp")
int xdp_ipv4_options(struct xdp_md *ctx)
{
	struct cursor c = { (void *)(long)ctx->data, (void *)(long)ctx->data_end };
	struct ethhdr *eth;
	struct iphdr *iph;
	__u8 *opt, *opt_end;
	__u64 *cnt;
	__u32 key;
	int i;

	if (parse_eth(&c, &eth) != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	iph = c.pos;
	if ((void *)(iph + 1) > c.end || iph->ihl <= 5)
		return XDP_PASS;
	opt = (void *)(iph + 1);
	opt_end = (__u8 *)iph + iph->ihl * 4;
#pragma clang loop unroll(disable)
	for (i = 0; i < MAX_OPT_WALK; i++) {
		__u8 kind, len;

		if (opt >= opt_end || (void *)(opt + 1) > c.end)
			break;
		kind = opt[0];
		if (kind == 0)
			break;
		if (kind == 1) {
			opt++;
			continue;
		}
		if ((void *)(opt + 2) > c.end)
			break;
		len = opt[1];
		if (len < 2)
			return XDP_DROP;
		if (kind == 131 || kind == 137)
			return XDP_DROP;
		key = kind;
		cnt = bpf_map_lookup_elem(&opt_seen, &key);
		if (cnt)
			*cnt += 1;
		opt += len;
	}
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
