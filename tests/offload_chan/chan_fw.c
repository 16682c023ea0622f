// SPDX-License-Identifier: BSD-2-Clause
/*
 * chan_fw.c - the firewall a guest offloads over the guest channel in the tests: drops UDP
 * frames whose destination port (network order, as the key's two bytes) is in `blocked`,
 * counting hits per port there; counts what it saw and dropped in `fw_stats`.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/udp.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __be16);
	__type(value, __u32);
} blocked SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u64);
} fw_stats SEC(".maps");

static __always_inline void bump(__u32 k)
{
	__u64 *v = bpf_map_lookup_elem(&fw_stats, &k);

	if (v)
		__sync_fetch_and_add(v, 1);
}

SEC("xdp")
int chan_fw(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip = data + sizeof(*eth);
	struct udphdr *udp;
	__u32 *hits;
	__be16 port;

	bump(0);
	if ((void *)(ip + 1) > end || eth->h_proto != __constant_htons(ETH_P_IP) ||
	    ip->protocol != IPPROTO_UDP || ip->ihl != 5)
		return XDP_PASS;
	udp = (void *)(ip + 1);
	if ((void *)(udp + 1) > end)
		return XDP_PASS;
	port = udp->dest;
	hits = bpf_map_lookup_elem(&blocked, &port);
	if (!hits)
		return XDP_PASS;
	__sync_fetch_and_add(hits, 1);
	bump(1);
	return XDP_DROP;
}

/* A second program, to attach by name. */
SEC("xdp")
int chan_pass(struct xdp_md *ctx)
{
	(void)ctx;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
