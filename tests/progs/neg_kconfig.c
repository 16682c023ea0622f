// SPDX-License-Identifier: BSD-2-Clause
/*
 * neg_kconfig.c - negative test object for the ELF loader: a `.kconfig` extern variable, which
 * libbpf fills from the running kernel's configuration.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

extern unsigned int LINUX_KERNEL_VERSION __kconfig;

SEC("xdp")
int kconfig_prog(struct xdp_md *ctx)
{
	return LINUX_KERNEL_VERSION > 0x050000 ? XDP_PASS : XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
