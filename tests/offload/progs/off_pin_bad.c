// SPDX-License-Identifier: BSD-2-Clause
/*
 * off_pin_bad.c - registry test object: pins a map named 'shared' like off_pin_a/b but with 8
 * entries instead of 4, so it cannot share theirs (libbpf refuses such a reuse too).
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, 8);
	__uint(pinning, LIBBPF_PIN_BY_NAME);
} shared SEC(".maps");

SEC("xdp")
int pin_bad(struct xdp_md *ctx)
{
	__u32 k = 0;

	return bpf_map_lookup_elem(&shared, &k) ? XDP_PASS : XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
