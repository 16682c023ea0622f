// SPDX-License-Identifier: BSD-2-Clause
/*
 * neg_core.c - negative test object for the ELF loader: a CO-RE field access to a kernel-style
 * struct (preserve_access_index, as vmlinux.h declares them), which needs the kernel's BTF.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

struct net_device {
	int ifindex;
	unsigned int mtu;
} __attribute__((preserve_access_index));

struct xdp_rxq_info {
	struct net_device *dev;
	__u32 queue_index;
} __attribute__((preserve_access_index));

struct xdp_buff {
	void *data;
	void *data_end;
	struct xdp_rxq_info *rxq;
} __attribute__((preserve_access_index));

SEC("xdp")
int core_prog(struct xdp_md *ctx)
{
	struct xdp_buff *xdp = (void *)ctx;

	return BPF_CORE_READ(xdp, rxq, dev, mtu) > 1500 ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
