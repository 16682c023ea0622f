// SPDX-License-Identifier: BSD-2-Clause
/*
 * neg_kfunc.c - negative test object for the ELF loader: a call to a kernel function (kfunc)
 * declared as an extern __ksym.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

extern int bpf_xdp_metadata_rx_timestamp(const struct xdp_md *ctx, __u64 *timestamp) __ksym;

SEC("xdp")
int kfunc_prog(struct xdp_md *ctx)
{
	__u64 ts = 0;

	bpf_xdp_metadata_rx_timestamp(ctx, &ts);
	return ts ? XDP_PASS : XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
