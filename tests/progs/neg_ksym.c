// SPDX-License-Identifier: BSD-2-Clause
/*
 * neg_ksym.c - negative test object for the ELF loader: a typeless `.ksyms` extern (the address
 * of a kernel symbol).
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

extern const void bpf_prog_active __ksym;

SEC("xdp")
int ksym_prog(struct xdp_md *ctx)
{
	unsigned long addr = (unsigned long)&bpf_prog_active;

	return (addr & 0xfff) == 0x123 ? XDP_PASS : XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
