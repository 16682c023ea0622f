// SPDX-License-Identifier: BSD-2-Clause
/* off_swap.c - offload test and benchmark: swaps the MAC addresses and bounces (XDP_TX). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int swap(struct xdp_md *ctx)
{
	unsigned char *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
	unsigned char t[6];

	if (data + 14 > end)
		return XDP_DROP;
	__builtin_memcpy(t, data, 6);
	__builtin_memcpy(data, data + 6, 6);
	__builtin_memcpy(data + 6, t, 6);
	return XDP_TX;
}

char LICENSE[] SEC("license") = "GPL";
