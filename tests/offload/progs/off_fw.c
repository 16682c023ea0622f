// SPDX-License-Identifier: BSD-2-Clause
/*
 * off_fw.c - a small firewall for the offload tests and the demo. cfg[0]: the verdict for every
 * frame (0: no rule, pass; else an XDP action); cfg[1]: N, drop UDP frames whose vguest
 * sequence number is a multiple of N (0: none). hits[0] counts passes, hits[1] drops.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u32);
} cfg SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u64);
} hits SEC(".maps");

#define SEQ_OFF	(14 + 20 + 8 + 4)	/* Ethernet, IPv4, UDP, vguest magic */

static int verdict(struct xdp_md *ctx)
{
	unsigned char *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
	__u32 k0 = 0, k1 = 1, *all = bpf_map_lookup_elem(&cfg, &k0);
	__u32 *every = bpf_map_lookup_elem(&cfg, &k1);
	__u64 seq;

	if (all && *all)
		return (int)*all;
	if (!every || !*every || data + SEQ_OFF + 8 > end)
		return XDP_PASS;
	if (data[12] != 0x08 || data[13] != 0 || data[14 + 9] != 17)
		return XDP_PASS;
	__builtin_memcpy(&seq, data + SEQ_OFF, 8);
	return seq % *every ? XDP_PASS : XDP_DROP;
}

SEC("xdp")
int fw(struct xdp_md *ctx)
{
	int v = verdict(ctx);
	__u32 k = v == XDP_PASS ? 0 : 1;
	__u64 *n = bpf_map_lookup_elem(&hits, &k);

	if (n)
		*n += 1;
	return v;
}

char LICENSE[] SEC("license") = "GPL";
