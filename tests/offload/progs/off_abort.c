// SPDX-License-Identifier: BSD-2-Clause
/* off_abort.c - offload test: XDP_ABORTED for every frame. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int abort_all(struct xdp_md *ctx)
{
	(void)ctx;
	return XDP_ABORTED;
}

char LICENSE[] SEC("license") = "GPL";
