// SPDX-License-Identifier: BSD-2-Clause
/*
 * neg_tc_only.c - negative test object for the ELF loader: a tc program and no XDP one; the
 * object must be refused, naming the section that is not XDP.
 */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

SEC("tc")
int tc_prog(struct __sk_buff *skb)
{
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
