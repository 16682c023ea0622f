// SPDX-License-Identifier: BSD-2-Clause
/*
 * redirect_devmap.c - forward every frame to the port in slot 0 of a devmap (the shape of
 * samples/bpf xdp_redirect_map): optionally rewrite the source MAC from configuration in
 * .rodata, count frames per CPU, and fall back to XDP_PASS when the slot is empty.
 */
#include "corpus.h"

struct {
	__uint(type, BPF_MAP_TYPE_DEVMAP);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u32);
} tx_port SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} fwd_cnt SEC(".maps");

const volatile __u8 new_src[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 1 };
const volatile __u32 rewrite_src = 1;

SEC("xdp")
int xdp_redirect_devmap(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	__u32 key = 0;
	__u64 *cnt;
	int i;

	if ((void *)(eth + 1) > data_end)
		return XDP_DROP;
	if (rewrite_src) {
#pragma unroll
		for (i = 0; i < ETH_ALEN; i++)
			eth->h_source[i] = new_src[i];
	}
	cnt = bpf_map_lookup_elem(&fwd_cnt, &key);
	if (cnt)
		*cnt += 1;
	return bpf_redirect_map(&tx_port, 0, XDP_PASS);
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
