// SPDX-License-Identifier: BSD-2-Clause
/*
 * neg_tc.c - negative test object for the ELF loader: a program in a `tc` section next to an
 * XDP one; only XDP programs are supported, so the object must not load.
 */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int xdp_ok(struct xdp_md *ctx)
{
	return XDP_PASS;
}

SEC("tc")
int tc_prog(struct __sk_buff *skb)
{
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
