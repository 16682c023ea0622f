// SPDX-License-Identifier: BSD-2-Clause
/*
 * foreach_quota.c - a per-tenant byte quota: each frame's VLAN id picks a tenant whose bytes
 * are added atomically; every 1024th frame (per CPU) sums all tenants with
 * bpf_for_each_map_elem and, when the total passes the global budget from .rodata, drops frames
 * of tenants above their fair share until the counters are reset from user space.
 */
#include "corpus.h"

#define TENANTS 64

struct usage {
	__u64 bytes;
	__u64 over;	/* set by the periodic scan */
};

struct scan {
	__u64 total;
	__u64 share;
	__u32 marked;
};

const volatile __u64 budget = 1ull << 32;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, TENANTS);
	__type(key, __u32);
	__type(value, struct usage);
} tenants SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} frames SEC(".maps");

static long sum_one(void *map, __u32 *key, struct usage *u, struct scan *s)
{
	s->total += u->bytes;
	return 0;
}

static long mark_one(void *map, __u32 *key, struct usage *u, struct scan *s)
{
	u->over = u->bytes > s->share;
	s->marked += u->over;
	return 0;
}

SEC("xdp")
int xdp_foreach_quota(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct vlan_hdr *vh = data + sizeof(*eth);
	struct scan s = {};
	struct usage *u;
	__u32 tenant, zero = 0;
	__u64 *n;

	if ((void *)(vh + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_8021Q))
		return XDP_PASS;
	tenant = (bpf_ntohs(vh->tci) & 0xfff) % TENANTS;
	u = bpf_map_lookup_elem(&tenants, &tenant);
	if (!u)
		return XDP_PASS;
	__sync_fetch_and_add(&u->bytes, data_end - data);
	n = bpf_map_lookup_elem(&frames, &zero);
	if (n && !(++*n & 1023)) {
		bpf_for_each_map_elem(&tenants, sum_one, &s, 0);
		if (s.total > budget) {
			s.share = budget / TENANTS;
			bpf_for_each_map_elem(&tenants, mark_one, &s, 0);
		}
	}
	return u->over ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
