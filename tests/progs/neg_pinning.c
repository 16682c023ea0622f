// SPDX-License-Identifier: BSD-2-Clause
/*
 * neg_pinning.c - negative test object for the ELF loader: a pinning value libbpf does not
 * know (its enum libbpf_pin_type has 0, none, and 1, LIBBPF_PIN_BY_NAME); libbpf refuses it too.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, 1);
	__uint(pinning, 2);
} pinned SEC(".maps");

SEC("xdp")
int pinned_prog(struct xdp_md *ctx)
{
	__u32 k = 0;

	return bpf_map_lookup_elem(&pinned, &k) ? XDP_PASS : XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
