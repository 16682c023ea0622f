// SPDX-License-Identifier: BSD-2-Clause
/* neg_no_license.c - negative test object for the ELF loader: no license section. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int nolic_prog(struct xdp_md *ctx)
{
	return XDP_PASS;
}
