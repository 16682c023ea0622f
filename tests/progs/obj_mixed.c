// SPDX-License-Identifier: BSD-2-Clause
/*
 * obj_mixed.c - test object for the ELF loader: an XDP program beside programs of other types,
 * as real objects carry them (xdp-bench's tracepoint counters with CO-RE field reads, a tc
 * twin). The object loads with its XDP program only; the other sections are named as skipped.
 */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

struct net_device {
	int ifindex;
} __attribute__((preserve_access_index));

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} seen SEC(".maps");

SEC("xdp")
int xdp_ok(struct xdp_md *ctx)
{
	__u32 key = 0;
	__u64 *n = bpf_map_lookup_elem(&seen, &key);

	if (n)
		__sync_fetch_and_add(n, 1);
	return XDP_PASS;
}

SEC("tc")
int tc_prog(struct __sk_buff *skb)
{
	return TC_ACT_OK;
}

SEC("tp_btf/xdp_exception")
int tp_exception(__u64 *ctx)
{
	const struct net_device *dev = (void *)ctx[0];
	__u32 key = 0;
	__u64 *n = bpf_map_lookup_elem(&seen, &key);

	if (n && BPF_CORE_READ(dev, ifindex) > 0)
		__sync_fetch_and_add(n, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
