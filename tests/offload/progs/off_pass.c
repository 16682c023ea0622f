// SPDX-License-Identifier: BSD-2-Clause
/* off_pass.c - offload test: rewrites the source MAC to 02:00:00:00:00:99 and passes. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int rewrite(struct xdp_md *ctx)
{
	unsigned char *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;

	if (data + 14 > end)
		return XDP_DROP;
	data[6] = 0x02;
	data[7] = 0;
	data[8] = 0;
	data[9] = 0;
	data[10] = 0;
	data[11] = 0x99;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
