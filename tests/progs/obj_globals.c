// SPDX-License-Identifier: BSD-2-Clause
/*
 * obj_globals.c - test object for the ELF loader: global variables in .data, .bss, .rodata
 * (a `const volatile` configuration), a custom .data.stats section and a string literal in
 * .rodata.str1.1, each becoming a single-entry array map named as libbpf names it.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

const volatile __u32 cfg_action = XDP_TX;
const volatile __u32 cfg_limit = 1500;
__u64 hits = 0x1122334455667788ULL; /* .data */
__u32 data_pad = 7;
__u64 drops; /* .bss */
static __u64 passes; /* .bss, static */
__u64 custom_stat SEC(".data.stats") = 42;

SEC("xdp")
int globals_prog(struct xdp_md *ctx)
{
	__u32 len = ctx->data_end - ctx->data;

	hits++;
	custom_stat += data_pad;
	if (len > cfg_limit) {
		bpf_trace_printk("drop %u\n", sizeof("drop %u\n"), len);
		drops++;
		return XDP_DROP;
	}
	passes++;
	return cfg_action;
}

char LICENSE[] SEC("license") = "GPL";
