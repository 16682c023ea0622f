// SPDX-License-Identifier: BSD-2-Clause
/*
 * unsafe_pkt.c - an XDP program the kernel's verifier (and ours) refuses: it reads the packet
 * without proving the read stays before data_end. For the command-line tests of verification.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int unchecked(struct xdp_md *ctx)
{
	unsigned char *data = (unsigned char *)(long)ctx->data;

	return data[12] == 0x08 ? XDP_PASS : XDP_DROP;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
